package dev.socketiwa.runtime.websocket;

/** Sends every message back as it came (text as text, binary as binary) and answers a Close with the same code. */
public final class WebSocketEcho implements WebSocketHandler {
    @Override
    public void onText(WebSocket ws, String message) {
        ws.sendText(message);
    }

    @Override
    public void onBinary(WebSocket ws, byte[] message) {
        ws.sendBinary(message);
    }
}
