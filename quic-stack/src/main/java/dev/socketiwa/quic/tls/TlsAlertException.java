package dev.socketiwa.quic.tls;

/** A fatal TLS alert (RFC 8446 §6.2); in QUIC it becomes CRYPTO_ERROR 0x0100 + alert (RFC 9001 §4.8). */
public final class TlsAlertException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int alert;

    public TlsAlertException(int alert, String message) {
        super(Alert.name(alert) + "(" + alert + "): " + message);
        this.alert = alert;
    }

    /** The TLS AlertDescription value. */
    public int alert() {
        return alert;
    }

    /** The QUIC transport error code carrying this alert. */
    public long quicErrorCode() {
        return 0x0100L + alert;
    }
}
