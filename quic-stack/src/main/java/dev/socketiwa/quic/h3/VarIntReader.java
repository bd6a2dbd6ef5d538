package dev.socketiwa.quic.h3;

/** Reads one QUIC varint from a stream a byte at a time, across as many calls as the bytes take to arrive. */
final class VarIntReader {
    static final int MORE = 0;
    static final int DONE = 1;
    static final int END = -1;

    private final byte[] bytes = new byte[8];
    private int have;
    long value;

    /** DONE with {@link #value} set, MORE when the stream has no byte ready, END at the stream's end. */
    int read(QuicStreams io, long streamId) throws H3Exception {
        while (true) {
            int n = io.read(streamId, bytes, have, 1);
            if (n == 0) return MORE;
            if (n < 0) {
                if (have == 0) return END;
                throw new H3Exception(H3Error.FRAME_ERROR, "stream " + streamId + " ends inside an integer");
            }
            have++;
            int need = 1 << ((bytes[0] & 0xff) >>> 6);
            if (have == need) {
                long v = bytes[0] & 0x3f;
                for (int i = 1; i < need; i++) v = (v << 8) | (bytes[i] & 0xff);
                value = v;
                have = 0;
                return DONE;
            }
        }
    }

    boolean inProgress() {
        return have > 0;
    }
}
