package dev.socketiwa.quic.tls;

import java.util.Arrays;

/** Growable writer for TLS structures with back-patched length prefixes. Handshake-time only. */
final class TlsWriter {
    private byte[] buf;
    private int len;

    TlsWriter(int capacity) {
        buf = new byte[capacity];
    }

    TlsWriter() {
        this(256);
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    TlsWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    TlsWriter u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    TlsWriter u24(int v) {
        ensure(3);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    TlsWriter u32(long v) {
        u16((int) (v >>> 16) & 0xffff);
        return u16((int) v & 0xffff);
    }

    TlsWriter u64(long v) {
        u32(v >>> 32);
        return u32(v);
    }

    TlsWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    TlsWriter bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** Reserves a length prefix of 1, 2 or 3 bytes; returns the mark for {@link #endLength}. */
    int beginLength(int prefixBytes) {
        ensure(prefixBytes);
        int mark = len;
        len += prefixBytes;
        return mark | (prefixBytes << 28);
    }

    void endLength(int token) {
        int prefix = token >>> 28;
        int mark = token & 0x0fffffff;
        int n = len - mark - prefix;
        for (int i = 0; i < prefix; i++) {
            buf[mark + i] = (byte) (n >>> (8 * (prefix - 1 - i)));
        }
    }

    /** Drops everything after the first n bytes. */
    void truncate(int n) {
        len = Math.min(len, n);
    }

    int length() {
        return len;
    }

    byte[] array() {
        return buf;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
