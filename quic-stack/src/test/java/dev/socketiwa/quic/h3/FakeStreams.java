package dev.socketiwa.quic.h3;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory {@link QuicStreams}: the test pushes peer bytes in, and inspects what the session wrote, reset or closed.
 * Public (quic-stack's test-jar) so handler tests in runtime drive a real session the same way.
 */
public final class FakeStreams implements QuicStreams {
    static final class In {
        byte[] data = new byte[0];
        int pos;
        boolean fin;
    }

    final Map<Long, In> in = new HashMap<>();
    final Map<Long, ByteArrayOutputStream> out = new HashMap<>();
    public final Map<Long, Boolean> finished = new HashMap<>();
    public final Map<Long, Long> resets = new HashMap<>();
    public final Map<Long, Long> stops = new HashMap<>();
    /** DATAGRAM frame payloads the session sent, in order. */
    public final List<byte[]> datagrams = new ArrayList<>();
    /** Largest DATAGRAM payload accepted; 0 means datagrams are not negotiated. */
    public int maxDatagramPayload = 1200;
    private final StreamIds uni = new StreamIds(3);
    private final StreamIds bidi = new StreamIds(1);
    public long closeCode = -1;
    public String closeReason;
    /** How many bytes each write may take; small values exercise partial writes. */
    public int writeLimit = Integer.MAX_VALUE;

    public void push(long id, byte[] b, boolean fin) {
        In s = in.computeIfAbsent(id, k -> new In());
        byte[] joined = new byte[s.data.length + b.length];
        System.arraycopy(s.data, 0, joined, 0, s.data.length);
        System.arraycopy(b, 0, joined, s.data.length, b.length);
        s.data = joined;
        s.fin |= fin;
    }

    public byte[] written(long id) {
        ByteArrayOutputStream o = out.get(id);
        return o == null ? new byte[0] : o.toByteArray();
    }

    /** How many unidirectional streams the peer allows in all (the session's own three included), as MAX_STREAMS. */
    public long uniStreamsAllowed = Long.MAX_VALUE;

    @Override
    public long openUniStream() {
        return uni.handedOut() >= uniStreamsAllowed ? -1 : uni.next();
    }

    @Override
    public long openBidiStream() {
        return bidi.next();
    }

    @Override
    public boolean sendDatagram(byte[] b, int off, int len) {
        if (len > maxDatagramPayload) return false;
        datagrams.add(java.util.Arrays.copyOfRange(b, off, off + len));
        return true;
    }

    @Override
    public int maxDatagramPayload() {
        return maxDatagramPayload;
    }

    /** Whether the peer's bytes on this stream were all read (FIN included when one was pushed). */
    public boolean drained(long id) {
        In s = in.get(id);
        return s != null && s.pos == s.data.length;
    }

    @Override
    public int read(long id, byte[] b, int off, int len) {
        In s = in.get(id);
        if (s == null) return 0;
        if (s.pos == s.data.length) return s.fin ? -1 : 0;
        int n = Math.min(len, s.data.length - s.pos);
        System.arraycopy(s.data, s.pos, b, off, n);
        s.pos += n;
        return n;
    }

    @Override
    public int write(long id, byte[] b, int off, int len) {
        if (finished.containsKey(id) || resets.containsKey(id)) return -1;
        int n = Math.min(len, writeLimit);
        out.computeIfAbsent(id, k -> new ByteArrayOutputStream()).write(b, off, n);
        return n;
    }

    @Override
    public void finish(long id) {
        finished.put(id, true);
    }

    @Override
    public void resetStream(long id, long code) {
        resets.put(id, code);
    }

    @Override
    public void stopSending(long id, long code) {
        stops.put(id, code);
    }

    @Override
    public void closeConnection(long code, String reason) {
        if (closeCode < 0) {
            closeCode = code;
            closeReason = reason;
        }
    }
}
