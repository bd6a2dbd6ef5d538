package dev.socketiwa.quic.frame;

/**
 * A decoded ACK frame, reused for every ACK parsed by one connection. Ranges are held as (smallest, largest) pairs in
 * descending order, as they appear on the wire.
 */
public final class AckFrame {
    public long largest;
    public long ackDelay;
    public boolean ecn;
    public long ect0, ect1, ecnCe;
    private long[] ranges = new long[16];
    private int count;

    void clear() {
        count = 0;
        ecn = false;
    }

    void add(long smallest, long largestInRange) {
        if (2 * count + 2 > ranges.length) {
            long[] n = new long[ranges.length * 2];
            System.arraycopy(ranges, 0, n, 0, ranges.length);
            ranges = n;
        }
        ranges[2 * count] = smallest;
        ranges[2 * count + 1] = largestInRange;
        count++;
    }

    public int rangeCount() { return count; }

    public long smallest(int i) { return ranges[2 * i]; }

    public long largest(int i) { return ranges[2 * i + 1]; }
}
