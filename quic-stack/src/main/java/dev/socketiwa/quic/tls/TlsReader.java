package dev.socketiwa.quic.tls;

/**
 * Bounds-checked reader over TLS presentation-language data. Running past the end, or past the end of a length-prefixed
 * vector, is a decode_error alert (RFC 8446 §6.2), never an index exception.
 */
final class TlsReader {
    private final byte[] buf;
    private int pos;
    private final int end;

    TlsReader(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    TlsReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    int remaining() {
        return end - pos;
    }

    boolean hasRemaining() {
        return pos < end;
    }

    private void need(int n) throws TlsAlertException {
        if (n < 0 || end - pos < n) {
            throw new TlsAlertException(Alert.DECODE_ERROR, "message truncated");
        }
    }

    int u8() throws TlsAlertException {
        need(1);
        return buf[pos++] & 0xff;
    }

    int u16() throws TlsAlertException {
        need(2);
        int v = (buf[pos] & 0xff) << 8 | (buf[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    int u24() throws TlsAlertException {
        need(3);
        int v = (buf[pos] & 0xff) << 16 | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff);
        pos += 3;
        return v;
    }

    /** An unsigned 32-bit value. */
    long u32() throws TlsAlertException {
        long hi = u16();
        return hi << 16 | u16();
    }

    long u64() throws TlsAlertException {
        long hi = u32();
        return hi << 32 | u32();
    }

    byte[] bytes(int n) throws TlsAlertException {
        need(n);
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    TlsReader sub(int n) throws TlsAlertException {
        need(n);
        TlsReader r = new TlsReader(buf, pos, n);
        pos += n;
        return r;
    }

    TlsReader vec8() throws TlsAlertException {
        return sub(u8());
    }

    TlsReader vec16() throws TlsAlertException {
        return sub(u16());
    }

    TlsReader vec24() throws TlsAlertException {
        return sub(u24());
    }

    byte[] opaque8() throws TlsAlertException {
        return bytes(u8());
    }

    byte[] opaque16() throws TlsAlertException {
        return bytes(u16());
    }

    byte[] opaque24() throws TlsAlertException {
        return bytes(u24());
    }

    /** Trailing bytes after a structure are a decode_error too. */
    void expectEnd() throws TlsAlertException {
        if (pos != end) {
            throw new TlsAlertException(Alert.DECODE_ERROR, (end - pos) + " unexpected trailing bytes");
        }
    }
}
