package dev.socketiwa.quic.transport;

/** A connection error: closes the connection with a transport error code (RFC 9000 §11.1). Never leaves the engine. */
public final class QuicException extends Exception {
    private final long errorCode;
    private final long frameType;

    public QuicException(long errorCode, long frameType, String reason) {
        super(reason, null, false, false);
        this.errorCode = errorCode;
        this.frameType = frameType;
    }

    public QuicException(long errorCode, String reason) {
        this(errorCode, 0, reason);
    }

    public long errorCode() { return errorCode; }

    public long frameType() { return frameType; }

    @Override
    public String toString() {
        return TransportError.name(errorCode) + ": " + getMessage();
    }
}
