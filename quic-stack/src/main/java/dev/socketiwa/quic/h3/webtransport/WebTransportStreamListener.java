package dev.socketiwa.quic.h3.webtransport;

/** Callbacks of one WebTransport stream; all optional. */
public interface WebTransportStreamListener {
    /** Bytes (or the end of the stream) can be read with {@link WebTransportStream#read}. */
    default void onReadable(WebTransportStream stream) {
    }

    /** The stream can take more bytes after a write accepted less than offered. */
    default void onWritable(WebTransportStream stream) {
    }

    /**
     * The peer reset its sending side: no more bytes come. The code is the peer's application error code, or -1 when
     * the reset carried a code outside the WebTransport range (e.g. the session going away).
     */
    default void onReset(WebTransportStream stream, long applicationCode) {
    }

    /** The peer asked us to stop sending; our side is already reset with the same code (-1: not an application code). */
    default void onStopSending(WebTransportStream stream, long applicationCode) {
    }
}
