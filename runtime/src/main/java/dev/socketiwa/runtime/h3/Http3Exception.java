package dev.socketiwa.runtime.h3;

/** A request that got no complete response; errorCode is the HTTP/3 code when one applies, else -1. */
public final class Http3Exception extends RuntimeException {
    private final long errorCode;

    public Http3Exception(String message, long errorCode) {
        super(message);
        this.errorCode = errorCode;
    }

    public long errorCode() {
        return errorCode;
    }
}
