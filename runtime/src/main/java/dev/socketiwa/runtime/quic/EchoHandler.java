package dev.socketiwa.runtime.quic;

import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * ALPN {@code echo}: every bidirectional stream sends back what it receives and finishes when the peer finishes;
 * datagrams are sent back as they are.
 */
public final class EchoHandler implements QuicHandler {
    public static final String ALPN = "echo";
    private static final int MAX_PENDING = 256 * 1024;

    /** Bytes read but not yet written back, per stream. */
    private final Map<Long, Pending> streams = new HashMap<>();
    private final byte[] buf = new byte[16384];

    private static final class Pending {
        byte[] data = new byte[16384];
        int start;
        int end;
        boolean peerFinished;
        boolean finished;
    }

    @Override
    public void onEvent(Connection c, ConnectionEvent e) {
        switch (e.kind) {
            case STREAM_OPENED:
                if ((e.streamId & 2) == 0) streams.put(e.streamId, new Pending());
                break;
            case STREAM_READABLE:
            case STREAM_WRITABLE:
                pump(c, e.streamId);
                break;
            case STREAM_RESET:
                c.resetStream(e.streamId, e.errorCode);
                streams.remove(e.streamId);
                break;
            case DATAGRAM:
                c.sendDatagram(e.data, 0, e.data.length);
                break;
            default:
                break;
        }
    }

    @Override
    public void service(Connection c) {
        for (Long id : streams.keySet().toArray(new Long[0])) pump(c, id);
    }

    private void pump(Connection c, long id) {
        Pending p = streams.get(id);
        if (p == null) {
            // a unidirectional stream: nothing to echo on, just consume it
            while (c.read(id, buf, 0, buf.length) > 0) { }
            return;
        }
        while (true) {
            if (p.end > p.start) {
                int w = c.write(id, p.data, p.start, p.end - p.start);
                if (w < 0) {
                    streams.remove(id);
                    return;
                }
                p.start += w;
                if (p.start < p.end) break; // the connection's buffer is full: wait for STREAM_WRITABLE
            }
            p.start = p.end = 0;
            if (p.peerFinished) break;
            int n = c.read(id, p.data, 0, Math.min(p.data.length, MAX_PENDING));
            if (n < 0) {
                p.peerFinished = true;
                break;
            }
            if (n == 0) break;
            p.end = n;
        }
        if (p.peerFinished && p.start == p.end && !p.finished) {
            c.finish(id);
            p.finished = true;
            streams.remove(id);
        }
    }
}
