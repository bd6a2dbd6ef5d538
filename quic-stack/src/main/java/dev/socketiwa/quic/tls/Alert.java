package dev.socketiwa.quic.tls;

/** TLS 1.3 AlertDescription values we raise (RFC 8446 §6, RFC 7301, RFC 8446 §9.2). */
public final class Alert {
    public static final int UNEXPECTED_MESSAGE = 10;
    public static final int BAD_RECORD_MAC = 20;
    public static final int HANDSHAKE_FAILURE = 40;
    public static final int BAD_CERTIFICATE = 42;
    public static final int UNSUPPORTED_CERTIFICATE = 43;
    public static final int CERTIFICATE_UNKNOWN = 46;
    public static final int ILLEGAL_PARAMETER = 47;
    public static final int DECODE_ERROR = 50;
    public static final int DECRYPT_ERROR = 51;
    public static final int PROTOCOL_VERSION = 70;
    public static final int INTERNAL_ERROR = 80;
    public static final int MISSING_EXTENSION = 109;
    public static final int UNSUPPORTED_EXTENSION = 110;
    public static final int UNRECOGNIZED_NAME = 112;
    public static final int NO_APPLICATION_PROTOCOL = 120;

    private Alert() {
    }

    public static String name(int alert) {
        switch (alert) {
            case UNEXPECTED_MESSAGE: return "unexpected_message";
            case BAD_RECORD_MAC: return "bad_record_mac";
            case HANDSHAKE_FAILURE: return "handshake_failure";
            case BAD_CERTIFICATE: return "bad_certificate";
            case UNSUPPORTED_CERTIFICATE: return "unsupported_certificate";
            case CERTIFICATE_UNKNOWN: return "certificate_unknown";
            case ILLEGAL_PARAMETER: return "illegal_parameter";
            case DECODE_ERROR: return "decode_error";
            case DECRYPT_ERROR: return "decrypt_error";
            case PROTOCOL_VERSION: return "protocol_version";
            case INTERNAL_ERROR: return "internal_error";
            case MISSING_EXTENSION: return "missing_extension";
            case UNSUPPORTED_EXTENSION: return "unsupported_extension";
            case UNRECOGNIZED_NAME: return "unrecognized_name";
            case NO_APPLICATION_PROTOCOL: return "no_application_protocol";
            default: return "alert";
        }
    }
}
