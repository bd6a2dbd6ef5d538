package dev.socketiwa.quic.tls;

/** A TLS alert; the QUIC error code is 0x0100 + alert. */
public final class TlsAlertException extends Exception {
    private final int alert;

    public TlsAlertException(int alert, String message) {
        super(message);
        this.alert = alert;
    }

    public int alert() { return alert; }
}
