package dev.socketiwa.quic.transport;

/**
 * Outgoing bytes of one stream (or one CRYPTO level) from the lowest unacknowledged offset on: new data, data declared
 * lost (sent again first) and acknowledged ranges, plus the FIN state. A ring buffer: stream offset o lives at
 * buf[o % buf.length], so acknowledging and writing never move bytes (growth re-lays them out once).
 */
final class SendBuffer {
    private byte[] buf;
    /** Everything below is acknowledged and freed. */
    private long base;
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
        int used = (int) (writeEnd - base);
        if (used + n > buf.length) {
            int cap = buf.length;
            while (cap < used + n) cap = (int) Math.min((long) cap * 2, Math.max(maxBuffered, used + n));
            byte[] b = new byte[cap];
            copyOut(base, b, (int) (base % cap), used, cap);
            buf = b;
        }
        copyIn(writeEnd, src, off, n);
        writeEnd += n;
        return n;
    }

    /** Copies [from, from+len) into dst laid out as a ring of size cap starting at dstPos. */
    private void copyOut(long from, byte[] dst, int dstPos, int len, int cap) {
        for (int done = 0; done < len; ) {
            int src = (int) ((from + done) % buf.length);
            int d = (dstPos + done) % cap;
            int chunk = Math.min(len - done, Math.min(buf.length - src, cap - d));
            System.arraycopy(buf, src, dst, d, chunk);
            done += chunk;
        }
    }

    private void copyIn(long at, byte[] src, int off, int len) {
        int p = (int) (at % buf.length);
        int first = Math.min(len, buf.length - p);
        System.arraycopy(src, off, buf, p, first);
        if (first < len) System.arraycopy(src, off + first, buf, 0, len - first);
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

    /** Marks [off, off+len) as being sent now. */
    void onSent(long off, int len, boolean fin) {
        lost.remove(off, off + len);
        if (off + len > sentEnd) sentEnd = off + len;
        if (fin) {
            finSent = true;
            finLost = false;
        }
    }

    void copy(long off, byte[] dst, int dstOff, int len) {
        int p = (int) (off % buf.length);
        int first = Math.min(len, buf.length - p);
        System.arraycopy(buf, p, dst, dstOff, first);
        if (first < len) System.arraycopy(buf, 0, dst, dstOff + first, len - first);
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
