package dev.socketiwa.quic.h3;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Two in-memory QUIC endpoints joined back to back: what one end writes, the other reads, with the events a real
 * connection would raise (opened, readable, reset, stop-sending, closed). {@link #pump} delivers them until quiet.
 * Public (quic-stack's test-jar) so runtime tests can link a client and a server session too.
 */
public final class MemoryLink {
    /** What a session does with one end's events. */
    public interface Sink {
        void opened(long id);

        void readable(long id);

        void writable(long id);

        void reset(long id, long code);

        void stopSending(long id, long code);

        void closed(long code);

        void service();
    }

    private static final int OPENED = 0;
    private static final int READABLE = 1;
    private static final int RESET = 2;
    private static final int STOP = 3;
    private static final int CLOSED = 4;

    private static final class In {
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] bytes = new byte[0];
        int pos;
        boolean fin;
        boolean reset;
    }

    /** One side of the link. */
    public final class End implements ClientQuicStreams {
        private final boolean client;
        private End peer;
        private Sink sink;
        private final Map<Long, In> in = new HashMap<>();
        private final Map<Long, Boolean> sendClosed = new HashMap<>();
        private final ArrayDeque<long[]> events = new ArrayDeque<>();
        private final StreamIds bidi;
        private final StreamIds uni;
        public long closeCode = -1;
        public boolean closedByPeer;
        /** How many bytes one write may take; small values exercise partial writes and onWritable. */
        public int writeLimit = Integer.MAX_VALUE;

        End(boolean client) {
            this.client = client;
            bidi = new StreamIds(client ? 0 : 1);
            uni = new StreamIds(client ? 2 : 3);
        }

        public void attach(Sink sink) {
            this.sink = sink;
        }

        @Override
        public long openBidiStream() {
            return bidi.next();
        }

        @Override
        public long openUniStream() {
            return uni.next();
        }

        private In incoming(long id) {
            In s = in.get(id);
            if (s == null) {
                s = new In();
                in.put(id, s);
                boolean peerInitiated = ((id & 1) == 0) != client;
                if (peerInitiated) events.add(new long[] {OPENED, id, 0});
            }
            return s;
        }

        @Override
        public int read(long id, byte[] b, int off, int len) {
            In s = in.get(id);
            if (s == null) return 0;
            if (s.reset) return -1;
            if (s.pos == s.bytes.length && s.data.size() > 0) {
                s.bytes = s.data.toByteArray();
                s.data.reset();
                s.pos = 0;
            }
            if (s.pos == s.bytes.length) return s.fin ? -1 : 0;
            int n = Math.min(len, s.bytes.length - s.pos);
            System.arraycopy(s.bytes, s.pos, b, off, n);
            s.pos += n;
            return n;
        }

        @Override
        public int write(long id, byte[] b, int off, int len) {
            if (closeCode >= 0 || sendClosed.containsKey(id)) return -1;
            int n = Math.min(len, writeLimit);
            In s = peer.incoming(id);
            s.data.write(b, off, n);
            peer.events.add(new long[] {READABLE, id, 0});
            return n;
        }

        @Override
        public void finish(long id) {
            if (sendClosed.put(id, true) != null || closeCode >= 0) return;
            peer.incoming(id).fin = true;
            peer.events.add(new long[] {READABLE, id, 0});
        }

        @Override
        public void resetStream(long id, long code) {
            if (sendClosed.put(id, true) != null || closeCode >= 0) return;
            peer.incoming(id).reset = true;
            peer.events.add(new long[] {RESET, id, code});
        }

        @Override
        public void stopSending(long id, long code) {
            if (closeCode >= 0) return;
            peer.events.add(new long[] {STOP, id, code});
        }

        @Override
        public void closeConnection(long code, String reason) {
            if (closeCode >= 0) return;
            closeCode = code;
            if (peer.closeCode < 0) {
                peer.closeCode = code;
                peer.closedByPeer = true;
                peer.events.clear();
                peer.events.add(new long[] {CLOSED, -1, code});
            }
        }

        /** Delivers queued events; true when there were any. */
        boolean deliver() {
            boolean any = false;
            long[] e;
            while ((e = events.poll()) != null) {
                any = true;
                switch ((int) e[0]) {
                    case OPENED: sink.opened(e[1]); break;
                    case READABLE: sink.readable(e[1]); break;
                    case RESET: sink.reset(e[1], e[2]); break;
                    case STOP: sink.stopSending(e[1], e[2]); break;
                    default: sink.closed(e[2]); break;
                }
            }
            return any;
        }
    }

    public final End client = new End(true);
    public final End server = new End(false);

    public MemoryLink() {
        client.peer = server;
        server.peer = client;
    }

    /** Runs both ends until no event is left (bounded, so a livelock fails the test instead of hanging it). */
    public void pump() {
        for (int i = 0; i < 100_000; i++) {
            boolean any = client.deliver() | server.deliver();
            if (client.closeCode < 0) client.sink.service();
            if (server.closeCode < 0) server.sink.service();
            if (!any && client.events.isEmpty() && server.events.isEmpty()) return;
        }
        throw new AssertionError("the link did not go quiet");
    }

    /** A sink for a client session. */
    public static Sink of(H3ClientSession s) {
        return new Sink() {
            public void opened(long id) { s.onStreamOpened(id); }
            public void readable(long id) { s.onReadable(id); }
            public void writable(long id) { s.onWritable(id); }
            public void reset(long id, long code) { s.onStreamReset(id, code); }
            public void stopSending(long id, long code) { s.onStopSending(id, code); }
            public void closed(long code) { s.onConnectionClosed(code); }
            public void service() { s.service(); }
        };
    }

    /** A sink for a server session. */
    public static Sink of(H3ServerSession s) {
        return new Sink() {
            public void opened(long id) { s.onStreamOpened(id); }
            public void readable(long id) { s.onReadable(id); }
            public void writable(long id) { s.onWritable(id); }
            public void reset(long id, long code) { s.onStreamAborted(id, code); }
            public void stopSending(long id, long code) { s.onStreamAborted(id, code); }
            public void closed(long code) { s.onConnectionClosed(); }
            public void service() { s.service(); }
        };
    }
}
