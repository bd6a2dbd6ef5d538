package dev.socketiwa.runtime.quic;

import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;

/**
 * ALPN {@code echo}: every bidirectional stream sends back what it receives and finishes when the peer finishes;
 * datagrams are sent back as they are.
 */
public final class EchoHandler extends PerStreamHandler<EchoHandler.Pending> {
    public static final String ALPN = "echo";
    private static final int MAX_PENDING = 256 * 1024;

    /** Bytes read but not yet written back. */
    static final class Pending extends PerStreamHandler.StreamState {
        final byte[] data = new byte[16384];
        int start;
        int end;
        boolean peerFinished;
        boolean finished;
    }

    public EchoHandler() {
        super(16384);
    }

    @Override
    protected Pending newState() {
        return new Pending();
    }

    @Override
    protected void onOtherEvent(Connection c, ConnectionEvent e) {
        switch (e.kind) {
            case STREAM_RESET:
                // echo the reset back, so the peer sees its stream end the way it ended it
                c.resetStream(e.streamId, e.errorCode);
                drop(e.streamId);
                break;
            case DATAGRAM:
                c.sendDatagram(e.data, 0, e.data.length);
                break;
            default:
                break;
        }
    }

    @Override
    protected void pump(Connection c, long id, Pending p) {
        while (true) {
            if (p.end > p.start) {
                int w = c.write(id, p.data, p.start, p.end - p.start);
                if (w < 0) {
                    drop(id);
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
            drop(id);
        }
    }
}
