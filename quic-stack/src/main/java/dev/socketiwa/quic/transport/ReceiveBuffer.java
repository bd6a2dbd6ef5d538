package dev.socketiwa.quic.transport;

/**
 * Reassembles out-of-order bytes of one stream or CRYPTO level. A ring buffer spanning [readOffset, highest received),
 * which flow control (or the crypto buffer limit) bounds, so a hostile peer cannot make it grow without limit.
 */
final class ReceiveBuffer {
    private byte[] buf;
    private long readOffset;
    private final RangeSet received = new RangeSet(1024);
    private long finalSize = -1;
    private long highest;

    ReceiveBuffer(int initialCapacity) {
        buf = new byte[initialCapacity];
    }

    long readOffset() { return readOffset; }

    long highest() { return highest; }

    long finalSize() { return finalSize; }

    /**
     * Stores data at offset. maxEnd is the highest end allowed (flow control / buffer limit); going beyond is reported
     * as limitError. Returns false when the range set overflowed (too fragmented: abuse).
     */
    boolean insert(long offset, byte[] src, int off, int len, boolean fin, long maxEnd, long limitError)
            throws QuicException {
        long end = offset + len;
        if (end > maxEnd) {
            throw new QuicException(limitError, "data up to " + end + " exceeds the limit " + maxEnd);
        }
        if (finalSize >= 0 && end > finalSize) {
            throw new QuicException(TransportError.FINAL_SIZE_ERROR, "data beyond the final size");
        }
        if (fin) {
            if ((finalSize >= 0 && finalSize != end) || end < highest) {
                throw new QuicException(TransportError.FINAL_SIZE_ERROR, "final size changed");
            }
            finalSize = end;
        }
        if (end <= readOffset || len == 0) {
            if (end > highest) highest = end;
            return true;
        }
        long s = Math.max(offset, readOffset);
        if (end - readOffset > buf.length) grow((int) (end - readOffset));
        if (end > highest) highest = end;
        int srcOff = off + (int) (s - offset);
        int n = (int) (end - s);
        int p = (int) (s % buf.length);
        int first = Math.min(n, buf.length - p);
        System.arraycopy(src, srcOff, buf, p, first);
        if (first < n) System.arraycopy(src, srcOff + first, buf, 0, n - first);
        return received.add(s, end);
    }

    private void grow(int need) {
        int cap = buf.length;
        while (cap < need) cap *= 2;
        byte[] b = new byte[cap];
        // re-lay out the held span [readOffset, highest) at its new ring positions
        long held = Math.max(0, highest - readOffset);
        for (long o = readOffset; o < readOffset + held; ) {
            int from = (int) (o % buf.length);
            int to = (int) (o % cap);
            int chunk = (int) Math.min(readOffset + held - o, Math.min(buf.length - from, cap - to));
            System.arraycopy(buf, from, b, to, chunk);
            o += chunk;
        }
        buf = b;
    }

    /** Checks a final size announced by RESET_STREAM. */
    void setFinalSize(long size) throws QuicException {
        if ((finalSize >= 0 && finalSize != size) || size < highest) {
            throw new QuicException(TransportError.FINAL_SIZE_ERROR, "final size " + size + " contradicts received data");
        }
        finalSize = size;
        highest = size;
    }

    /** Contiguous bytes ready to read. */
    int readable() {
        if (received.isEmpty() || received.min() > readOffset) return 0;
        return (int) (received.end(0) - readOffset);
    }

    boolean isFinished() {
        return finalSize >= 0 && readOffset == finalSize;
    }

    int read(byte[] dst, int off, int len) {
        int n = Math.min(len, readable());
        if (n <= 0) return 0;
        int p = (int) (readOffset % buf.length);
        int first = Math.min(n, buf.length - p);
        System.arraycopy(buf, p, dst, off, first);
        if (first < n) System.arraycopy(buf, 0, dst, off + first, n - first);
        readOffset += n;
        received.remove(0, readOffset);
        return n;
    }
}
