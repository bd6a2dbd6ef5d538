package dev.socketiwa.quic.frame;

import dev.socketiwa.quic.packet.VarInt;

/**
 * Encodes frames into a packet buffer. Every method writes at buf[pos] and returns the position after the frame; the
 * caller checks space first with the matching size method (or a safe upper bound).
 */
public final class FrameWriter {
    private FrameWriter() {
    }

    public static int padding(byte[] buf, int pos, int count) {
        for (int i = 0; i < count; i++) buf[pos + i] = 0;
        return pos + count;
    }

    public static int ping(byte[] buf, int pos) {
        buf[pos] = FrameType.PING;
        return pos + 1;
    }

    /** Header size of a STREAM frame with an explicit length (the data follows). */
    public static int streamHeaderSize(long streamId, long offset, int length) {
        return 1 + VarInt.length(streamId) + (offset > 0 ? VarInt.length(offset) : 0) + VarInt.length(length);
    }

    /**
     * Writes a STREAM frame header; the caller copies length data bytes right after it. withLength=false omits the
     * length field (the frame runs to the end of the packet).
     */
    public static int streamHeader(byte[] buf, int pos, long streamId, long offset, int length, boolean fin, boolean withLength) {
        int type = FrameType.STREAM | (offset > 0 ? 0x04 : 0) | (withLength ? 0x02 : 0) | (fin ? 0x01 : 0);
        buf[pos++] = (byte) type;
        pos = VarInt.write(buf, pos, streamId);
        if (offset > 0) pos = VarInt.write(buf, pos, offset);
        if (withLength) pos = VarInt.write(buf, pos, length);
        return pos;
    }

    public static int cryptoHeaderSize(long offset, int length) {
        return 1 + VarInt.length(offset) + VarInt.length(length);
    }

    public static int cryptoHeader(byte[] buf, int pos, long offset, int length) {
        buf[pos++] = FrameType.CRYPTO;
        pos = VarInt.write(buf, pos, offset);
        return VarInt.write(buf, pos, length);
    }

    public static int resetStream(byte[] buf, int pos, long streamId, long errorCode, long finalSize) {
        buf[pos++] = FrameType.RESET_STREAM;
        pos = VarInt.write(buf, pos, streamId);
        pos = VarInt.write(buf, pos, errorCode);
        return VarInt.write(buf, pos, finalSize);
    }

    public static int stopSending(byte[] buf, int pos, long streamId, long errorCode) {
        buf[pos++] = FrameType.STOP_SENDING;
        pos = VarInt.write(buf, pos, streamId);
        return VarInt.write(buf, pos, errorCode);
    }

    public static int newToken(byte[] buf, int pos, byte[] token) {
        buf[pos++] = FrameType.NEW_TOKEN;
        pos = VarInt.write(buf, pos, token.length);
        System.arraycopy(token, 0, buf, pos, token.length);
        return pos + token.length;
    }

    public static int maxData(byte[] buf, int pos, long max) {
        buf[pos++] = FrameType.MAX_DATA;
        return VarInt.write(buf, pos, max);
    }

    public static int maxStreamData(byte[] buf, int pos, long streamId, long max) {
        buf[pos++] = FrameType.MAX_STREAM_DATA;
        pos = VarInt.write(buf, pos, streamId);
        return VarInt.write(buf, pos, max);
    }

    public static int maxStreams(byte[] buf, int pos, boolean bidi, long max) {
        buf[pos++] = (byte) (bidi ? FrameType.MAX_STREAMS_BIDI : FrameType.MAX_STREAMS_UNI);
        return VarInt.write(buf, pos, max);
    }

    public static int dataBlocked(byte[] buf, int pos, long limit) {
        buf[pos++] = FrameType.DATA_BLOCKED;
        return VarInt.write(buf, pos, limit);
    }

    public static int streamDataBlocked(byte[] buf, int pos, long streamId, long limit) {
        buf[pos++] = FrameType.STREAM_DATA_BLOCKED;
        pos = VarInt.write(buf, pos, streamId);
        return VarInt.write(buf, pos, limit);
    }

    public static int streamsBlocked(byte[] buf, int pos, boolean bidi, long limit) {
        buf[pos++] = (byte) (bidi ? FrameType.STREAMS_BLOCKED_BIDI : FrameType.STREAMS_BLOCKED_UNI);
        return VarInt.write(buf, pos, limit);
    }

    public static int newConnectionId(byte[] buf, int pos, long seq, long retirePriorTo, byte[] cid, byte[] resetToken) {
        buf[pos++] = FrameType.NEW_CONNECTION_ID;
        pos = VarInt.write(buf, pos, seq);
        pos = VarInt.write(buf, pos, retirePriorTo);
        buf[pos++] = (byte) cid.length;
        System.arraycopy(cid, 0, buf, pos, cid.length);
        pos += cid.length;
        System.arraycopy(resetToken, 0, buf, pos, 16);
        return pos + 16;
    }

    public static int retireConnectionId(byte[] buf, int pos, long seq) {
        buf[pos++] = FrameType.RETIRE_CONNECTION_ID;
        return VarInt.write(buf, pos, seq);
    }

    public static int pathChallenge(byte[] buf, int pos, byte[] data8, int off, boolean response) {
        buf[pos++] = (byte) (response ? FrameType.PATH_RESPONSE : FrameType.PATH_CHALLENGE);
        System.arraycopy(data8, off, buf, pos, 8);
        return pos + 8;
    }

    public static int connectionCloseSize(boolean application, long errorCode, long frameType, byte[] reason) {
        return 1 + VarInt.length(errorCode) + (application ? 0 : VarInt.length(frameType)) + VarInt.length(reason.length)
                + reason.length;
    }

    public static int connectionClose(byte[] buf, int pos, boolean application, long errorCode, long frameType, byte[] reason) {
        buf[pos++] = (byte) (application ? FrameType.CONNECTION_CLOSE_APP : FrameType.CONNECTION_CLOSE);
        pos = VarInt.write(buf, pos, errorCode);
        if (!application) pos = VarInt.write(buf, pos, frameType);
        pos = VarInt.write(buf, pos, reason.length);
        System.arraycopy(reason, 0, buf, pos, reason.length);
        return pos + reason.length;
    }

    public static int handshakeDone(byte[] buf, int pos) {
        buf[pos] = FrameType.HANDSHAKE_DONE;
        return pos + 1;
    }

    public static int datagramHeader(byte[] buf, int pos, int length) {
        buf[pos++] = FrameType.DATAGRAM_LEN;
        return VarInt.write(buf, pos, length);
    }

    /**
     * Writes an ACK frame for the given ranges (pairs of smallest/largest, descending), at most maxBytes long: ranges
     * that do not fit are left out (the oldest first). Returns the new position, or pos when not even one range fits.
     */
    public static int ack(byte[] buf, int pos, long[] ranges, int rangeCount, long ackDelayEncoded, int maxBytes) {
        if (rangeCount == 0) return pos;
        long largest = ranges[1];
        long firstRange = ranges[1] - ranges[0];
        int fixed = 1 + VarInt.length(largest) + VarInt.length(ackDelayEncoded) + VarInt.length(firstRange);
        int n = 1;
        int size = fixed + 1; // count field, assumed 1 byte for < 64 ranges; adjusted below
        long prevSmallest = ranges[0];
        for (int i = 1; i < rangeCount; i++) {
            long gap = prevSmallest - ranges[2 * i + 1] - 2;
            long len = ranges[2 * i + 1] - ranges[2 * i];
            int add = VarInt.length(gap) + VarInt.length(len);
            int countGrow = VarInt.length(n) - VarInt.length(n - 1);
            if (size + add + countGrow > maxBytes) break;
            size += add + countGrow;
            n++;
            prevSmallest = ranges[2 * i];
        }
        if (size > maxBytes) return pos;
        buf[pos++] = FrameType.ACK;
        pos = VarInt.write(buf, pos, largest);
        pos = VarInt.write(buf, pos, ackDelayEncoded);
        pos = VarInt.write(buf, pos, n - 1);
        pos = VarInt.write(buf, pos, firstRange);
        prevSmallest = ranges[0];
        for (int i = 1; i < n; i++) {
            pos = VarInt.write(buf, pos, prevSmallest - ranges[2 * i + 1] - 2);
            pos = VarInt.write(buf, pos, ranges[2 * i + 1] - ranges[2 * i]);
            prevSmallest = ranges[2 * i];
        }
        return pos;
    }
}
