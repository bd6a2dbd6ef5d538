package dev.socketiwa.quic.h3;

/** Reading QUIC variable-length integers inside HTTP/3 frame payloads, where truncation is an H3_FRAME_ERROR. */
final class VarInts {
    private VarInts() {
    }

    static int lengthAt(byte[] b, int pos) {
        return 1 << ((b[pos] & 0xff) >>> 6);
    }

    static long read(byte[] b, int pos, int end) throws H3Exception {
        int n = lengthAt(b, pos);
        if (pos + n > end) throw new H3Exception(H3Error.FRAME_ERROR, "frame payload ends inside an integer");
        long v = b[pos] & 0x3f;
        for (int i = 1; i < n; i++) v = (v << 8) | (b[pos + i] & 0xff);
        return v;
    }
}
