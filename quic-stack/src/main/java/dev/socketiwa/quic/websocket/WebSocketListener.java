package dev.socketiwa.quic.websocket;

/** What a {@link WebSocketSession} reports as it parses the peer's bytes. */
public interface WebSocketListener {
    void onText(String message);

    void onBinary(byte[] message);

    /** A Ping arrived; the session already queued the Pong. */
    default void onPing(byte[] payload) {
    }

    default void onPong(byte[] payload) {
    }

    /**
     * The WebSocket closed, once: the closing handshake finished, the peer broke the protocol (we sent the close
     * code, e.g. 1002, 1007 or 1009), or the stream ended without a Close frame (1006).
     */
    void onClose(int code, String reason);
}
