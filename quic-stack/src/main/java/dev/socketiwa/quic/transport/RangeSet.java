package dev.socketiwa.quic.transport;

/**
 * A set of non-overlapping half-open ranges [start, end) of longs, sorted ascending and merged on insert. Used for
 * received packet numbers, acknowledged and lost stream bytes, and reassembly. Bounded: when more than maxRanges would
 * be held, the lowest range is dropped (callers pick a bound that makes this harmless or treat it as abuse).
 */
public final class RangeSet {
    private long[] a = new long[16];
    private int n;
    private final int maxRanges;

    public RangeSet(int maxRanges) {
        this.maxRanges = maxRanges;
    }

    public int size() { return n; }

    public boolean isEmpty() { return n == 0; }

    public long start(int i) { return a[2 * i]; }

    public long end(int i) { return a[2 * i + 1]; }

    public long min() { return a[0]; }

    public long max() { return a[2 * n - 1]; }

    public void clear() { n = 0; }

    /** Adds [start, end); returns false when the set was full and the lowest range had to be dropped. */
    public boolean add(long start, long end) {
        if (start >= end) return true;
        // find first range whose end >= start (can merge)
        int i = 0;
        while (i < n && a[2 * i + 1] < start) i++;
        int j = i;
        long s = start, e = end;
        while (j < n && a[2 * j] <= end) {
            s = Math.min(s, a[2 * j]);
            e = Math.max(e, a[2 * j + 1]);
            j++;
        }
        int removed = j - i;
        if (removed == 0) {
            ensure(n + 1);
            System.arraycopy(a, 2 * i, a, 2 * i + 2, 2 * (n - i));
            n++;
        } else if (removed > 1) {
            System.arraycopy(a, 2 * j, a, 2 * i + 2, 2 * (n - j));
            n -= removed - 1;
        }
        a[2 * i] = s;
        a[2 * i + 1] = e;
        if (n > maxRanges) {
            System.arraycopy(a, 2, a, 0, 2 * (n - 1));
            n--;
            return false;
        }
        return true;
    }

    /** Removes [start, end) from the set. */
    public void remove(long start, long end) {
        if (start >= end) return;
        for (int i = 0; i < n; i++) {
            long s = a[2 * i], e = a[2 * i + 1];
            if (e <= start || s >= end) continue;
            if (s < start && e > end) {
                ensure(n + 1);
                System.arraycopy(a, 2 * i + 2, a, 2 * i + 4, 2 * (n - i - 1));
                a[2 * i + 1] = start;
                a[2 * i + 2] = end;
                a[2 * i + 3] = e;
                n++;
                return;
            }
            if (s < start) {
                a[2 * i + 1] = start;
            } else if (e > end) {
                a[2 * i] = end;
            } else {
                System.arraycopy(a, 2 * i + 2, a, 2 * i, 2 * (n - i - 1));
                n--;
                i--;
            }
        }
    }

    public boolean contains(long v) {
        for (int i = 0; i < n; i++) {
            if (v < a[2 * i]) return false;
            if (v < a[2 * i + 1]) return true;
        }
        return false;
    }

    /** True when every value of [start, end) is in the set. */
    public boolean containsAll(long start, long end) {
        for (int i = 0; i < n; i++) {
            if (start >= a[2 * i] && end <= a[2 * i + 1]) return true;
        }
        return start >= end;
    }

    private void ensure(int ranges) {
        if (2 * ranges > a.length) {
            long[] b = new long[Math.max(a.length * 2, 2 * ranges)];
            System.arraycopy(a, 0, b, 0, 2 * n);
            a = b;
        }
    }
}
