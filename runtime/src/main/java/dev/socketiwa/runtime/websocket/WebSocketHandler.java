package dev.socketiwa.runtime.websocket;

/**
 * What an application does with WebSocket connections (over HTTP/3, RFC 9220); called on the connection's single
 * thread, the same on the JVM and in the browser. Sends never block: they queue, and {@link WebSocket#bufferedAmount}
 * with {@link #onDrain} is the backpressure.
 */
public interface WebSocketHandler {
    /** The WebSocket is open: messages can be sent. */
    default void onOpen(WebSocket ws) {
    }

    void onText(WebSocket ws, String message);

    void onBinary(WebSocket ws, byte[] message);

    /** The peer answered a ping of ours. */
    default void onPong(WebSocket ws, byte[] payload) {
    }

    /** Everything queued went out after the buffer had grown past {@link WebSocket#HIGH_WATER_MARK}. */
    default void onDrain(WebSocket ws) {
    }

    /**
     * Closed, once: the code and reason of the peer's Close, the code we failed the connection with (1002 protocol
     * error, 1007 invalid UTF-8, 1009 too big, 1011 handler failure), or 1006 when the stream ended without a Close.
     */
    default void onClose(WebSocket ws, int code, String reason) {
    }

    /** The largest message accepted; bigger ones close the WebSocket with 1009. */
    default int maxMessageSize() {
        return dev.socketiwa.quic.websocket.WebSocketSession.DEFAULT_MAX_MESSAGE;
    }
}
