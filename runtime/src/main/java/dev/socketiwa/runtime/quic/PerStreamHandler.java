package dev.socketiwa.runtime.quic;

import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * The skeleton of a handler that serves each client-initiated bidirectional stream on its own: it keeps one state per
 * stream, pumps a stream when it becomes readable or writable and pumps every live stream once per loop turn (to
 * push what flow control held back). Unidirectional streams are read and discarded. What a reset, STOP_SENDING or
 * datagram means is left to the subclass.
 */
abstract class PerStreamHandler<S extends PerStreamHandler.StreamState> implements QuicHandler {
    /** Per-stream state; subclasses add their buffers. */
    static class StreamState {
        /** Index in {@link #live}, or -1 once dropped. */
        int slot = -1;
    }

    private final Map<Long, S> byId = new HashMap<>();
    /** The live states, in no order: service() walks them without boxing ids or creating an iterator. */
    private StreamState[] live = new StreamState[16];
    private long[] liveIds = new long[16];
    private int liveCount;
    /** service() pumps a copy, because pumping may drop streams; reused so a loop turn allocates nothing. */
    private StreamState[] turn = new StreamState[16];
    private long[] turnIds = new long[16];
    private final byte[] discard;

    PerStreamHandler(int discardBufferSize) {
        this.discard = new byte[discardBufferSize];
    }

    /** A fresh state for a client bidirectional stream that just opened. */
    protected abstract S newState();

    /** Moves what can move on the stream now; calls {@link #drop} when the stream is done with. */
    protected abstract void pump(Connection c, long id, S state);

    /** Every event other than a stream opening, becoming readable or becoming writable. */
    protected abstract void onOtherEvent(Connection c, ConnectionEvent e);

    @Override
    public final void onEvent(Connection c, ConnectionEvent e) {
        switch (e.kind) {
            case STREAM_OPENED:
                if ((e.streamId & 2) == 0) add(e.streamId, newState());
                break;
            case STREAM_READABLE:
            case STREAM_WRITABLE:
                S state = byId.get(e.streamId);
                if (state != null) {
                    pump(c, e.streamId, state);
                } else {
                    // a unidirectional stream (or one already done with): nothing to answer on, just consume it
                    while (c.read(e.streamId, discard, 0, discard.length) > 0) { }
                }
                break;
            default:
                onOtherEvent(c, e);
                break;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public final void service(Connection c) {
        int n = liveCount;
        if (turn.length < n) {
            turn = new StreamState[live.length];
            turnIds = new long[live.length];
        }
        System.arraycopy(live, 0, turn, 0, n);
        System.arraycopy(liveIds, 0, turnIds, 0, n);
        for (int i = 0; i < n; i++) {
            StreamState s = turn[i];
            turn[i] = null;
            if (s.slot >= 0) pump(c, turnIds[i], (S) s);
        }
    }

    /** Forgets the stream: later events on it only drain what arrives. */
    protected final void drop(long id) {
        S s = byId.remove(id);
        if (s == null) return;
        int last = --liveCount;
        int slot = s.slot;
        live[slot] = live[last];
        liveIds[slot] = liveIds[last];
        live[slot].slot = slot;
        live[last] = null;
        s.slot = -1;
    }

    private void add(long id, S s) {
        drop(id); // a second open of the same id starts over, as a plain map put would
        byId.put(id, s);
        if (liveCount == live.length) {
            StreamState[] grown = new StreamState[live.length * 2];
            System.arraycopy(live, 0, grown, 0, liveCount);
            live = grown;
            long[] grownIds = new long[liveIds.length * 2];
            System.arraycopy(liveIds, 0, grownIds, 0, liveCount);
            liveIds = grownIds;
        }
        s.slot = liveCount;
        live[liveCount] = s;
        liveIds[liveCount] = id;
        liveCount++;
    }
}
