package dev.socketiwa.quic.packet;

/** Variable-length integers (RFC 9000 §16). */
public final class VarInt {
    public static final long MAX = (1L << 62) - 1;

    private VarInt() {
    }

    public static int length(long v) {
        if (v < 0x40) return 1;
        if (v < 0x4000) return 2;
        if (v < 0x40000000L) return 4;
        return 8;
    }

    /** Writes v at buf[pos] in its shortest form; returns the position after it. */
    public static int write(byte[] buf, int pos, long v) {
        if (v < 0 || v > MAX) throw new IllegalArgumentException("varint out of range: " + v);
        return writeWithLength(buf, pos, v, length(v));
    }

    /** Writes v using exactly len (1, 2, 4, 8) bytes; used for length fields reserved before the payload is known. */
    public static int writeWithLength(byte[] buf, int pos, long v, int len) {
        switch (len) {
            case 1:
                buf[pos] = (byte) v;
                return pos + 1;
            case 2:
                buf[pos] = (byte) (0x40 | (v >>> 8));
                buf[pos + 1] = (byte) v;
                return pos + 2;
            case 4:
                buf[pos] = (byte) (0x80 | (v >>> 24));
                buf[pos + 1] = (byte) (v >>> 16);
                buf[pos + 2] = (byte) (v >>> 8);
                buf[pos + 3] = (byte) v;
                return pos + 4;
            default:
                buf[pos] = (byte) (0xc0 | (v >>> 56));
                for (int i = 1; i < 8; i++) {
                    buf[pos + i] = (byte) (v >>> (8 * (7 - i)));
                }
                return pos + 8;
        }
    }
}
