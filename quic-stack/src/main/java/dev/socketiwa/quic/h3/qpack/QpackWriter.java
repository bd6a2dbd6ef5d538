package dev.socketiwa.quic.h3.qpack;

import java.util.Arrays;

/** A growable byte buffer with the QPACK primitive writers (RFC 9204 §4.1). */
public final class QpackWriter {
    private byte[] buf;
    private int len;

    public QpackWriter(int initial) {
        buf = new byte[Math.max(16, initial)];
    }

    public byte[] array() {
        return buf;
    }

    public int length() {
        return len;
    }

    public void clear() {
        len = 0;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    /** Drops the first n bytes (what a stream accepted). */
    public void consume(int n) {
        System.arraycopy(buf, n, buf, 0, len - n);
        len -= n;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }

    public void writeByte(int b) {
        ensure(1);
        buf[len++] = (byte) b;
    }

    public void writeBytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    /** A prefixed integer; flags are the bits above the prefix in the first byte. */
    public void writeInt(int flags, int prefixBits, long v) {
        int max = (1 << prefixBits) - 1;
        if (v < max) {
            writeByte(flags | (int) v);
            return;
        }
        writeByte(flags | max);
        v -= max;
        while (v >= 0x80) {
            writeByte((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        writeByte((int) v);
    }

    /** A string literal, Huffman-coded when that is shorter; the H flag sits just above the length prefix. */
    public void writeString(int flags, int prefixBits, String s) {
        int huffLen = Huffman.encodedLength(s);
        if (huffLen < s.length()) {
            writeInt(flags | (1 << prefixBits), prefixBits, huffLen);
            ensure(huffLen);
            len = Huffman.encode(s, buf, len);
        } else {
            writeInt(flags, prefixBits, s.length());
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) buf[len++] = (byte) s.charAt(i);
        }
    }
}
