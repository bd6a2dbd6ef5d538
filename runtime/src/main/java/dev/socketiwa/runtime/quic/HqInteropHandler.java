package dev.socketiwa.runtime.quic;

import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;

import java.nio.charset.StandardCharsets;

/**
 * ALPN {@code hq-interop}: HTTP/0.9 over QUIC as the QUIC interop runner defines it. Each client bidirectional stream
 * carries {@code GET /path} (then FIN); the answer is the file's bytes, then FIN. Unknown files reset the stream.
 */
public final class HqInteropHandler extends PerStreamHandler<HqInteropHandler.Exchange> {
    public static final String ALPN = "hq-interop";
    /** HTTP/0.9 has no status codes: a missing file resets the stream with this application error. */
    public static final long NOT_FOUND = 0x10;
    private static final int MAX_REQUEST = 4096;

    private final ContentSource content;

    static final class Exchange extends PerStreamHandler.StreamState {
        final byte[] request = new byte[MAX_REQUEST];
        int requestLength;
        byte[] response;
        int sent;
    }

    public HqInteropHandler(ContentSource content) {
        super(MAX_REQUEST);
        this.content = content;
    }

    @Override
    protected Exchange newState() {
        return new Exchange();
    }

    @Override
    protected void onOtherEvent(Connection c, ConnectionEvent e) {
        switch (e.kind) {
            case STREAM_RESET:
            case STOP_SENDING:
                // the client gave up on this request: forget it, nothing to answer
                drop(e.streamId);
                break;
            default:
                break;
        }
    }

    @Override
    protected void pump(Connection c, long id, Exchange x) {
        while (x.response == null) {
            int room = MAX_REQUEST - x.requestLength;
            if (room == 0) {
                c.resetStream(id, NOT_FOUND);
                c.stopSending(id, NOT_FOUND);
                drop(id);
                return;
            }
            int n = c.read(id, x.request, x.requestLength, room);
            if (n == 0) return;
            if (n > 0) {
                x.requestLength += n;
                continue;
            }
            byte[] file = lookup(new String(x.request, 0, x.requestLength, StandardCharsets.US_ASCII));
            if (file == null) {
                c.resetStream(id, NOT_FOUND);
                drop(id);
                return;
            }
            x.response = file;
        }
        while (x.sent < x.response.length) {
            int w = c.write(id, x.response, x.sent, x.response.length - x.sent);
            if (w <= 0) {
                if (w < 0) drop(id);
                return;
            }
            x.sent += w;
        }
        c.finish(id);
        drop(id);
    }

    private byte[] lookup(String request) {
        String line = request.trim();
        if (!line.startsWith("GET ")) return null;
        String path = line.substring(4).trim();
        int space = path.indexOf(' ');
        if (space >= 0) path = path.substring(0, space);
        return path.startsWith("/") ? content.get(path) : null;
    }
}
