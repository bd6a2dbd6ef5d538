package dev.socketiwa.quic.h3;

/** A connection error: the session closes the QUIC connection with this HTTP/3 error code. */
public final class H3Exception extends Exception {
    private final long errorCode;

    public H3Exception(long errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public long errorCode() {
        return errorCode;
    }
}
