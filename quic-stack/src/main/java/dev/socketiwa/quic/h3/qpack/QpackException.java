package dev.socketiwa.quic.h3.qpack;

/** A QPACK failure carrying the HTTP/3 error code the connection (or stream) must be closed with (RFC 9204 §6). */
public class QpackException extends Exception {
    public static final long DECOMPRESSION_FAILED = 0x200;
    public static final long ENCODER_STREAM_ERROR = 0x201;
    public static final long DECODER_STREAM_ERROR = 0x202;

    private final long errorCode;

    public QpackException(long errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public long errorCode() {
        return errorCode;
    }
}
