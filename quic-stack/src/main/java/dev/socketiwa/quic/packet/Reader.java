package dev.socketiwa.quic.packet;

import dev.socketiwa.quic.transport.QuicException;
import dev.socketiwa.quic.transport.TransportError;

/** A reusable cursor over received bytes; running past the end is a FRAME_ENCODING_ERROR, never an index exception. */
public final class Reader {
    private byte[] buf;
    private int pos;
    private int limit;

    public Reader reset(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.limit = off + len;
        return this;
    }

    public byte[] buffer() { return buf; }

    public int position() { return pos; }

    public int limit() { return limit; }

    public int remaining() { return limit - pos; }

    public boolean hasRemaining() { return pos < limit; }

    public int u8() throws QuicException {
        need(1);
        return buf[pos++] & 0xff;
    }

    public long varint() throws QuicException {
        need(1);
        int first = buf[pos] & 0xff;
        int len = 1 << (first >>> 6);
        need(len);
        long v = first & 0x3f;
        for (int i = 1; i < len; i++) {
            v = (v << 8) | (buf[pos + i] & 0xff);
        }
        pos += len;
        return v;
    }

    /** Skips n bytes and returns the offset where they start. */
    public int take(long n) throws QuicException {
        if (n < 0 || n > remaining()) {
            throw new QuicException(TransportError.FRAME_ENCODING_ERROR, "length " + n + " exceeds the " + remaining() + " bytes left");
        }
        int start = pos;
        pos += (int) n;
        return start;
    }

    private void need(int n) throws QuicException {
        if (limit - pos < n) {
            throw new QuicException(TransportError.FRAME_ENCODING_ERROR, "truncated");
        }
    }
}
