package dev.socketiwa.quic.h3.qpack;

/**
 * Reads QPACK primitives (RFC 9204 §4.1) from a byte range. {@link #needMore} distinguishes a truncated input (wait
 * for more bytes on a stream) from malformed input (an exception).
 */
final class QpackReader {
    /** Thrown internally when the range ends inside a primitive. */
    static final class Truncated extends Exception {
        Truncated() {
            super(null, null, false, false);
        }
    }

    private static final Truncated TRUNCATED = new Truncated();
    /** Larger integers are refused: no legitimate index, length or count comes near this. */
    private static final long MAX_INT = (1L << 62) - 1;

    byte[] buf;
    int pos;
    int limit;
    private final long errorCode;

    QpackReader(long errorCode) {
        this.errorCode = errorCode;
    }

    QpackReader reset(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.limit = off + len;
        return this;
    }

    boolean hasMore() {
        return pos < limit;
    }

    int peek() throws Truncated {
        if (pos >= limit) throw TRUNCATED;
        return buf[pos] & 0xff;
    }

    /** A prefixed integer whose prefix is the low prefixBits bits of the current byte (RFC 7541 §5.1). */
    long readInt(int prefixBits) throws Truncated, QpackException {
        int max = (1 << prefixBits) - 1;
        long v = peek() & max;
        pos++;
        if (v < max) return v;
        int shift = 0;
        while (true) {
            int b = peek();
            pos++;
            if (shift > 56) throw new QpackException(errorCode, "integer too large");
            v += (long) (b & 0x7f) << shift;
            if (v > MAX_INT || v < 0) throw new QpackException(errorCode, "integer too large");
            shift += 7;
            if ((b & 0x80) == 0) return v;
        }
    }

    /** A string literal: H flag at bit prefixBits of the current byte, then a prefixBits length, then the octets. */
    String readString(int prefixBits, int maxLength) throws Truncated, QpackException {
        boolean huffman = (peek() & (1 << prefixBits)) != 0;
        long len = readInt(prefixBits);
        if (len > maxLength) throw new QpackException(errorCode, "string of " + len + " bytes is too long");
        if (limit - pos < len) throw TRUNCATED;
        int start = pos;
        pos += (int) len;
        if (huffman) {
            try {
                return Huffman.decode(buf, start, (int) len);
            } catch (QpackException e) {
                throw new QpackException(errorCode, e.getMessage());
            }
        }
        return latin1(buf, start, (int) len);
    }

    static String latin1(byte[] b, int off, int len) {
        char[] c = new char[len];
        for (int i = 0; i < len; i++) c[i] = (char) (b[off + i] & 0xff);
        return new String(c);
    }
}
