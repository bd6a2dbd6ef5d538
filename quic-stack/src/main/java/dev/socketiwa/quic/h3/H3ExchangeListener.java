package dev.socketiwa.quic.h3;

/** Callbacks of one request/response exchange; all optional. */
public interface H3ExchangeListener {
    /** Request body bytes (or its end) can be read with {@link H3Exchange#read}. */
    default void onReadable(H3Exchange exchange) {
    }

    /** The response can take more bytes after a write accepted less than offered. */
    default void onWritable(H3Exchange exchange) {
    }

    /** The peer reset or stopped the exchange, or the connection failed; nothing more can be sent. */
    default void onAbort(H3Exchange exchange, long errorCode) {
    }
}
