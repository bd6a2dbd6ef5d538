package dev.socketiwa.quic.transport;

/**
 * What one sent packet carried that must be sent again if it is lost (RFC 9000 §13.3), kept as parallel arrays so a
 * packet costs one object.
 */
final class SentPacket {
    static final int CRYPTO = 1;
    static final int STREAM = 2;
    static final int STREAM_FIN = 3;
    static final int RESET_STREAM = 4;
    static final int STOP_SENDING = 5;
    static final int MAX_DATA = 6;
    static final int MAX_STREAM_DATA = 7;
    static final int MAX_STREAMS_BIDI = 8;
    static final int MAX_STREAMS_UNI = 9;
    static final int NEW_CONNECTION_ID = 10;
    static final int RETIRE_CONNECTION_ID = 11;
    static final int HANDSHAKE_DONE = 12;
    static final int NEW_TOKEN = 13;

    long pn;
    long timeSent;
    int size;
    boolean ackEliciting;
    boolean inFlight;
    /** Largest acknowledged in the ACK frame this packet carried (-1: none): acking it lets us prune our ACK ranges. */
    long largestAckSent = -1;

    int count;
    int[] kind = new int[4];
    long[] id = new long[4];
    long[] offset = new long[4];
    int[] length = new int[4];

    SentPacket(long pn, long timeSent) {
        reset(pn, timeSent);
    }

    /** Makes a recycled instance describe a new packet (connections pool these: no allocation per packet). */
    SentPacket reset(long pn, long timeSent) {
        this.pn = pn;
        this.timeSent = timeSent;
        size = 0;
        ackEliciting = false;
        inFlight = false;
        largestAckSent = -1;
        count = 0;
        return this;
    }

    void add(int k, long streamId, long off, int len) {
        if (count == kind.length) {
            int n = count * 2;
            kind = java.util.Arrays.copyOf(kind, n);
            id = java.util.Arrays.copyOf(id, n);
            offset = java.util.Arrays.copyOf(offset, n);
            length = java.util.Arrays.copyOf(length, n);
        }
        kind[count] = k;
        id[count] = streamId;
        offset[count] = off;
        length[count] = len;
        count++;
    }
}
