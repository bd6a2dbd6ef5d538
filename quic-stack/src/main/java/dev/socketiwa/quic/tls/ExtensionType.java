package dev.socketiwa.quic.tls;

/** ExtensionType values we read or write (RFC 8446 §4.2, RFC 7301, RFC 9001 §8.2). */
final class ExtensionType {
    static final int SERVER_NAME = 0;
    static final int SUPPORTED_GROUPS = 10;
    static final int SIGNATURE_ALGORITHMS = 13;
    static final int ALPN = 16;
    static final int PRE_SHARED_KEY = 41;
    static final int EARLY_DATA = 42;
    static final int SUPPORTED_VERSIONS = 43;
    static final int COOKIE = 44;
    static final int PSK_KEY_EXCHANGE_MODES = 45;
    static final int CERTIFICATE_AUTHORITIES = 47;
    static final int SIGNATURE_ALGORITHMS_CERT = 50;
    static final int KEY_SHARE = 51;
    static final int QUIC_TRANSPORT_PARAMETERS = 0x39;

    static final int TLS13 = 0x0304;

    private ExtensionType() {
    }
}
