package dev.socketiwa.quic.h3.webtransport;

import dev.socketiwa.quic.h3.qpack.QpackWriter;
import dev.socketiwa.quic.packet.VarInt;

import java.nio.charset.StandardCharsets;

/** Capsule types (RFC 9297 §3.2, draft-ietf-webtrans-http3) and writing them into a buffer. */
public final class Capsules {
    /** RFC 9297 DATAGRAM capsule: an HTTP Datagram sent over the stream instead of a QUIC DATAGRAM frame. */
    public static final long DATAGRAM = 0x00;
    public static final long CLOSE_WEBTRANSPORT_SESSION = 0x2843;
    public static final long DRAIN_WEBTRANSPORT_SESSION = 0x78ae;
    /** The draft caps the reason of CLOSE_WEBTRANSPORT_SESSION at 1024 bytes. */
    public static final int MAX_CLOSE_REASON = 1024;

    private Capsules() {
    }

    /** Appends a capsule: type, length, payload. */
    public static void write(QpackWriter out, long type, byte[] payload, int off, int len) {
        byte[] h = new byte[16];
        int n = VarInt.write(h, 0, type);
        n = VarInt.write(h, n, len);
        out.writeBytes(h, 0, n);
        out.writeBytes(payload, off, len);
    }

    /** Appends CLOSE_WEBTRANSPORT_SESSION: a 32-bit code and a UTF-8 reason (cut to 1024 bytes on a char boundary). */
    public static void writeClose(QpackWriter out, long code, String reason) {
        byte[] r = utf8Prefix(reason == null ? "" : reason, MAX_CLOSE_REASON);
        byte[] p = new byte[4 + r.length];
        p[0] = (byte) (code >>> 24);
        p[1] = (byte) (code >>> 16);
        p[2] = (byte) (code >>> 8);
        p[3] = (byte) code;
        System.arraycopy(r, 0, p, 4, r.length);
        write(out, CLOSE_WEBTRANSPORT_SESSION, p, 0, p.length);
    }

    public static void writeDrain(QpackWriter out) {
        write(out, DRAIN_WEBTRANSPORT_SESSION, new byte[0], 0, 0);
    }

    private static byte[] utf8Prefix(String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= max) return b;
        int end = max;
        while (end > 0 && (b[end] & 0xc0) == 0x80) end--; // do not split a UTF-8 sequence
        byte[] cut = new byte[end];
        System.arraycopy(b, 0, cut, 0, end);
        return cut;
    }
}
