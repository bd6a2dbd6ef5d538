package dev.socketiwa.quic.transport;

/**
 * Outgoing bytes of one stream (or one CRYPTO level) from the lowest unacknowledged offset on: new data, data declared
 * lost (sent again first) and acknowledged ranges, plus the FIN state.
 */
final class SendBuffer {
    private byte[] buf;
    /** Offset of buf[0]; everything below is acknowledged and freed. */
    private long base;
    /** Offset of buf[0]; acknowledged bytes below base are compacted away lazily, when space is needed. */
    private long bufBase;
    /** End of the data written by the application. */
    private long writeEnd;
    /** Highest offset ever sent; new data starts here. */
    private long sentEnd;
    private final RangeSet acked = new RangeSet(4096);
    private final RangeSet lost = new RangeSet(4096);
    private final int maxBuffered;
    boolean finWanted;
    boolean finSent;
    boolean finAcked;
    boolean finLost;

    SendBuffer(int initialCapacity, int maxBuffered) {
        this.buf = new byte[initialCapacity];
        this.maxBuffered = maxBuffered;
    }

    long writeEnd() { return writeEnd; }

    long sentEnd() { return sentEnd; }

    /** Bytes the application may still write before the buffer is full. */
    int writable() {
        return (int) Math.max(0, maxBuffered - (writeEnd - base));
    }

    /** Appends up to len bytes; returns how many were taken. */
    int write(byte[] src, int off, int len) {
        int n = Math.min(len, writable());
        if (n <= 0) return 0;
        if (writeEnd - bufBase + n > buf.length) {
            int used = (int) (writeEnd - base);
            byte[] b = used + n > buf.length ? new byte[Math.max(used + n, Math.min(buf.length * 2, maxBuffered))] : buf;
            System.arraycopy(buf, (int) (base - bufBase), b, 0, used);
            buf = b;
            bufBase = base;
        }
        System.arraycopy(src, off, buf, (int) (writeEnd - bufBase), n);
        writeEnd += n;
        return n;
    }

    /** True when lost data or a lost FIN waits to be sent again. */
    boolean hasRetransmission() {
        return !lost.isEmpty() || (finLost && !finAcked);
    }

    /** New (never sent) bytes available, ignoring flow control. */
    long newBytes() {
        return writeEnd - sentEnd;
    }

    boolean hasNewFin() {
        return finWanted && !finSent && sentEnd == writeEnd;
    }

    boolean lostEmpty() { return lost.isEmpty(); }

    long lostStart() { return lost.min(); }

    long lostEnd() { return lost.end(0); }

    /** Marks [off, off+len) as being sent now; returns true when this was new data. */
    void onSent(long off, int len, boolean fin) {
        lost.remove(off, off + len);
        if (off + len > sentEnd) sentEnd = off + len;
        if (fin) {
            finSent = true;
            finLost = false;
        }
    }

    void copy(long off, byte[] dst, int dstOff, int len) {
        System.arraycopy(buf, (int) (off - bufBase), dst, dstOff, len);
    }

    void onAcked(long off, int len, boolean fin) {
        if (fin) finAcked = true;
        if (len > 0) {
            acked.add(off, off + len);
            lost.remove(off, off + len);
        }
        if (!acked.isEmpty() && acked.min() <= base) {
            long newBase = Math.max(base, acked.end(0));
            acked.remove(0, newBase);
            base = newBase;
        }
    }

    void onLost(long off, int len, boolean fin) {
        long s = Math.max(off, base);
        if (s < off + len) {
            // do not resend bytes already acknowledged
            lost.add(s, off + len);
            for (int i = 0; i < acked.size(); i++) lost.remove(acked.start(i), acked.end(i));
        }
        if (fin && !finAcked) finLost = true;
    }

    /** Everything sent and not acknowledged is to be sent again (PTO on CRYPTO data). */
    void requeueUnacked() {
        onLost(base, (int) (sentEnd - base), finSent);
    }

    boolean allAcked() {
        return base == writeEnd && (!finWanted || finAcked);
    }
}
