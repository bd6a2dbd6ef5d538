package dev.socketiwa.quic.transport;

/**
 * Reassembles out-of-order bytes of one stream or CRYPTO level. Storage only spans [readOffset, highest received),
 * which flow control (or the crypto buffer limit) bounds, so a hostile peer cannot make it grow without limit.
 */
final class ReceiveBuffer {
    private byte[] buf;
    private long readOffset;
    /** Stream offset of buf[0]; bytes before readOffset are consumed and compacted away lazily. */
    private long bufBase;
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
        if (end > highest) highest = end;
        if (end <= readOffset || len == 0) return true;
        long s = Math.max(offset, readOffset);
        if (end - bufBase > buf.length) {
            int keep = (int) Math.max(0, Math.min(highest, bufBase + buf.length) - readOffset);
            int need = (int) (end - readOffset);
            byte[] b = need > buf.length ? new byte[Math.max(need, buf.length * 2)] : buf;
            System.arraycopy(buf, (int) (readOffset - bufBase), b, 0, keep);
            buf = b;
            bufBase = readOffset;
        }
        System.arraycopy(src, off + (int) (s - offset), buf, (int) (s - bufBase), (int) (end - s));
        return received.add(s, end);
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
        System.arraycopy(buf, (int) (readOffset - bufBase), dst, off, n);
        readOffset += n;
        received.remove(0, readOffset);
        return n;
    }
}
