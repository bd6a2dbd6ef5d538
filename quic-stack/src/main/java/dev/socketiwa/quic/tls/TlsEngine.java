package dev.socketiwa.quic.tls;

import dev.socketiwa.quic.crypto.EncryptionLevel;

/**
 * The TLS 1.3 handshake of one QUIC connection, as the transport drives it (RFC 9001 §4.1). One per connection, not
 * thread-safe. Never throws anything but {@link TlsAlertException}; the transport closes the connection with QUIC
 * error 0x0100 + alert.
 */
public interface TlsEngine {
    /** In-order CRYPTO stream bytes received at a level (the transport reassembles CRYPTO frames). */
    void receive(EncryptionLevel level, byte[] data, int off, int len) throws TlsAlertException;

    boolean isHandshakeComplete();

    /** The negotiated ALPN protocol, null before it is known. */
    String negotiatedAlpn();

    /** Whether the handshake resumed an earlier session with a ticket (PSK). */
    default boolean isResumed() {
        return false;
    }

    /** The raw body of the peer's quic_transport_parameters extension (0x39), null before it is known. */
    byte[] peerTransportParameters();
}
