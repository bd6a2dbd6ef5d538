package dev.socketiwa.runtime.websocket;

import dev.socketiwa.quic.crypto.RandomSource;
import dev.socketiwa.quic.h3.H3Error;
import dev.socketiwa.quic.websocket.WebSocketListener;
import dev.socketiwa.quic.websocket.WebSocketSession;
import dev.socketiwa.quic.websocket.WsCloseCode;

/**
 * One WebSocket over an HTTP/3 extended CONNECT stream, on either side: the {@link WebSocketSession} codec joined to
 * the stream's byte duplex and to the application's {@link WebSocketHandler}. Each direction of the stream ends once
 * the closing handshake is over (or the connection failed), as RFC 8441 §5 has END_STREAM play TCP's close.
 */
public final class WebSocket {
    /** Queued bytes above which the handler hears {@link WebSocketHandler#onDrain} once they have gone out. */
    public static final int HIGH_WATER_MARK = 256 * 1024;

    /** The stream under the WebSocket. */
    interface Tunnel {
        int read(byte[] b, int off, int len);

        int write(byte[] b, int off, int len);

        void finish();

        void abort(long h3ErrorCode);
    }

    private final WebSocketHandler handler;
    private final WebSocketSession session;
    private final String path;
    private final byte[] buf = new byte[16 * 1024];
    private Tunnel tunnel;
    private boolean open;
    private boolean finished;
    private boolean closeReported;
    private boolean drainWanted;
    private Object attachment;

    WebSocket(boolean client, String path, WebSocketHandler handler, RandomSource random) {
        this.handler = handler;
        this.path = path;
        WebSocketListener l = new WebSocketListener() {
            @Override
            public void onText(String message) {
                guard(() -> handler.onText(WebSocket.this, message));
            }

            @Override
            public void onBinary(byte[] message) {
                guard(() -> handler.onBinary(WebSocket.this, message));
            }

            @Override
            public void onPong(byte[] payload) {
                guard(() -> handler.onPong(WebSocket.this, payload));
            }

            @Override
            public void onClose(int code, String reason) {
                open = false;
                if (closeReported) return;
                closeReported = true;
                try {
                    handler.onClose(WebSocket.this, code, reason);
                } catch (RuntimeException ignored) {
                    // closed either way
                }
            }
        };
        int max = handler.maxMessageSize();
        this.session = client ? WebSocketSession.client(max, l, random) : WebSocketSession.server(max, l);
    }

    /** Application code must not break the connection's loop: a failing callback closes this WebSocket with 1011. */
    private void guard(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            if (!session.isCloseSent()) session.close(WsCloseCode.INTERNAL_ERROR, "handler failed");
        }
    }

    /** The request path the WebSocket was opened at. */
    public String path() {
        return path;
    }

    /** True between onOpen and the start of the closing handshake. */
    public boolean isOpen() {
        return open && !session.isCloseSent();
    }

    /** Bytes queued but not yet taken by the stream. */
    public long bufferedAmount() {
        return session.pendingOutput();
    }

    public Object attachment() {
        return attachment;
    }

    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    /** Queues a text message; false when the WebSocket is not open (nothing queued). */
    public boolean sendText(String message) {
        if (!open) return false;
        boolean ok = session.sendText(message);
        flush();
        return ok;
    }

    public boolean sendBinary(byte[] message) {
        return sendBinary(message, 0, message.length);
    }

    public boolean sendBinary(byte[] b, int off, int len) {
        if (!open) return false;
        boolean ok = session.sendBinary(b, off, len);
        flush();
        return ok;
    }

    /** Queues one frame of a fragmented message (TEXT/BINARY with fin false, then CONTINUATION frames). */
    public boolean sendFrame(int opcode, boolean fin, byte[] b, int off, int len) {
        if (!open) return false;
        boolean ok = session.sendFrame(opcode, fin, b, off, len);
        flush();
        return ok;
    }

    public boolean ping(byte[] payload) {
        if (!open) return false;
        boolean ok = session.ping(payload);
        flush();
        return ok;
    }

    /** Starts the closing handshake (code 1000-1003, 1007-1011 or 3000-4999; reason at most 123 UTF-8 bytes). */
    public void close(int code, String reason) {
        session.close(code, reason);
        flush();
    }

    /** Writes raw bytes on the stream, bypassing the codec: for tests that must send what the codec never would. */
    public int writeRaw(byte[] b, int off, int len) {
        return tunnel.write(b, off, len);
    }

    // ------------------------------------------------------------------------------------------------ transport side

    void opened(Tunnel t) {
        tunnel = t;
        open = true;
        guard(() -> handler.onOpen(this));
        onReadable();
    }

    /** Failed before it opened (the server refused the CONNECT): reported as 1006 with the why. */
    void refused(String why) {
        if (closeReported) return;
        closeReported = true;
        try {
            handler.onClose(this, WsCloseCode.ABNORMAL, why);
        } catch (RuntimeException ignored) {
            // nothing else to do
        }
    }

    void onReadable() {
        if (tunnel == null) return;
        int n;
        while (!session.isClosed() && (n = tunnel.read(buf, 0, buf.length)) != 0) {
            if (n < 0) {
                session.onInputEnded();
                break;
            }
            session.receive(buf, 0, n);
        }
        if (session.isClosed()) {
            // drain what still arrives (nothing more is parsed) so the stream's flow control stays open
            while (tunnel.read(buf, 0, buf.length) > 0) {
                // discarded
            }
        }
        flush();
    }

    void onWritable() {
        flush();
    }

    /** The stream was reset or the connection closed. */
    void onAborted() {
        session.onInputEnded();
        finished = true;
    }

    private void flush() {
        if (tunnel == null || finished) return;
        while (session.pendingOutput() > 0) {
            int n = tunnel.write(session.output(), session.outputOffset(), session.pendingOutput());
            if (n < 0) {
                // the peer stopped our direction (e.g. it failed the WebSocket and sent its Close): keep reading it
                finished = true;
                return;
            }
            if (n == 0) break;
            session.consume(n);
        }
        if (session.pendingOutput() > HIGH_WATER_MARK) drainWanted = true;
        if (session.outputDone() && session.isClosed()) {
            finished = true;
            tunnel.finish();
            return;
        }
        if (drainWanted && session.pendingOutput() == 0 && open) {
            drainWanted = false;
            guard(() -> handler.onDrain(this));
        }
    }

    /** Resets the stream: for a peer that never answers our Close (the caller's timer decides). */
    public void abort() {
        if (tunnel == null || finished) return;
        finished = true;
        tunnel.abort(H3Error.REQUEST_CANCELLED);
        session.onInputEnded();
    }
}
