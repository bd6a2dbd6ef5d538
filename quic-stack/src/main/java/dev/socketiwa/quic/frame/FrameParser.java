package dev.socketiwa.quic.frame;

import dev.socketiwa.quic.packet.ConnectionId;
import dev.socketiwa.quic.packet.PacketType;
import dev.socketiwa.quic.packet.Reader;
import dev.socketiwa.quic.packet.VarInt;
import dev.socketiwa.quic.transport.QuicException;
import dev.socketiwa.quic.transport.TransportError;

/**
 * Decodes the frames of one decrypted packet payload and hands them to a visitor (RFC 9000 §12.4, §19). Malformed
 * frames raise FRAME_ENCODING_ERROR, frames not allowed in the packet type PROTOCOL_VIOLATION. Reusable, allocation-free.
 */
public final class FrameParser {
    /** Result bit: the packet contained an ack-eliciting frame. */
    public static final int ACK_ELICITING = 1;

    private final Reader r = new Reader();
    private final AckFrame ack = new AckFrame();
    private final boolean datagramsAllowed;

    public FrameParser(boolean datagramsAllowed) {
        this.datagramsAllowed = datagramsAllowed;
    }

    /** Parses every frame; returns a bit set of {@link #ACK_ELICITING}. */
    public int parse(byte[] buf, int off, int len, PacketType packetType, FrameVisitor v) throws QuicException {
        r.reset(buf, off, len);
        if (len == 0) {
            throw new QuicException(TransportError.PROTOCOL_VIOLATION, "packet without frames");
        }
        int flags = 0;
        boolean handshakeLevel = packetType == PacketType.INITIAL || packetType == PacketType.HANDSHAKE;
        boolean zeroRtt = packetType == PacketType.ZERO_RTT;
        while (r.hasRemaining()) {
            long type = r.varint();
            if (type != FrameType.PADDING && type != FrameType.ACK && type != FrameType.ACK_ECN
                    && type != FrameType.CONNECTION_CLOSE && type != FrameType.CONNECTION_CLOSE_APP) {
                flags |= ACK_ELICITING;
            }
            if (handshakeLevel && !(type == FrameType.PADDING || type == FrameType.PING || type == FrameType.ACK
                    || type == FrameType.ACK_ECN || type == FrameType.CRYPTO || type == FrameType.CONNECTION_CLOSE)) {
                throw new QuicException(TransportError.PROTOCOL_VIOLATION, type,
                        "frame 0x" + Long.toHexString(type) + " not allowed in " + packetType + " packets");
            }
            if (zeroRtt && (type == FrameType.ACK || type == FrameType.ACK_ECN || type == FrameType.CRYPTO
                    || type == FrameType.HANDSHAKE_DONE || type == FrameType.NEW_TOKEN || type == FrameType.PATH_RESPONSE
                    || type == FrameType.RETIRE_CONNECTION_ID)) {
                throw new QuicException(TransportError.PROTOCOL_VIOLATION, type,
                        "frame 0x" + Long.toHexString(type) + " not allowed in 0-RTT packets");
            }
            parseOne(type, v);
        }
        return flags;
    }

    private void parseOne(long type, FrameVisitor v) throws QuicException {
        if (type >= FrameType.STREAM && type <= 0x0f) {
            long id = r.varint();
            long offset = (type & 0x04) != 0 ? r.varint() : 0;
            long length = (type & 0x02) != 0 ? r.varint() : r.remaining();
            int start = take(length, type);
            if (offset + length > VarInt.MAX) {
                throw new QuicException(TransportError.FRAME_ENCODING_ERROR, type, "stream data beyond 2^62-1");
            }
            v.onStream(id, offset, r.buffer(), start, (int) length, (type & 0x01) != 0);
            return;
        }
        switch ((int) Math.min(type, Integer.MAX_VALUE)) {
            case FrameType.PADDING:
                // Consume a run of padding at once.
                while (r.hasRemaining() && r.buffer()[r.position()] == 0) r.take(1);
                return;
            case FrameType.PING:
                v.onPing();
                return;
            case FrameType.ACK:
            case FrameType.ACK_ECN:
                parseAck(type);
                v.onAck(ack);
                return;
            case FrameType.RESET_STREAM:
                v.onResetStream(r.varint(), r.varint(), r.varint());
                return;
            case FrameType.STOP_SENDING:
                v.onStopSending(r.varint(), r.varint());
                return;
            case FrameType.CRYPTO: {
                long offset = r.varint();
                long length = r.varint();
                int start = take(length, type);
                if (offset + length > VarInt.MAX) {
                    throw new QuicException(TransportError.FRAME_ENCODING_ERROR, type, "crypto data beyond 2^62-1");
                }
                v.onCrypto(offset, r.buffer(), start, (int) length);
                return;
            }
            case FrameType.NEW_TOKEN: {
                long length = r.varint();
                if (length == 0) throw new QuicException(TransportError.FRAME_ENCODING_ERROR, type, "empty NEW_TOKEN");
                int start = take(length, type);
                v.onNewToken(r.buffer(), start, (int) length);
                return;
            }
            case FrameType.MAX_DATA:
                v.onMaxData(r.varint());
                return;
            case FrameType.MAX_STREAM_DATA:
                v.onMaxStreamData(r.varint(), r.varint());
                return;
            case FrameType.MAX_STREAMS_BIDI:
            case FrameType.MAX_STREAMS_UNI: {
                long max = r.varint();
                if (max > FrameType.MAX_STREAM_COUNT) {
                    throw new QuicException(TransportError.FRAME_ENCODING_ERROR, type, "MAX_STREAMS above 2^60");
                }
                v.onMaxStreams(type == FrameType.MAX_STREAMS_BIDI, max);
                return;
            }
            case FrameType.DATA_BLOCKED:
                v.onDataBlocked(r.varint());
                return;
            case FrameType.STREAM_DATA_BLOCKED:
                v.onStreamDataBlocked(r.varint(), r.varint());
                return;
            case FrameType.STREAMS_BLOCKED_BIDI:
            case FrameType.STREAMS_BLOCKED_UNI: {
                long limit = r.varint();
                if (limit > FrameType.MAX_STREAM_COUNT) {
                    throw new QuicException(TransportError.FRAME_ENCODING_ERROR, type, "STREAMS_BLOCKED above 2^60");
                }
                v.onStreamsBlocked(type == FrameType.STREAMS_BLOCKED_BIDI, limit);
                return;
            }
            case FrameType.NEW_CONNECTION_ID: {
                long seq = r.varint();
                long retire = r.varint();
                int len = r.u8();
                if (len < 1 || len > ConnectionId.MAX_LENGTH) {
                    throw new QuicException(TransportError.FRAME_ENCODING_ERROR, type, "connection ID length " + len);
                }
                if (retire > seq) {
                    throw new QuicException(TransportError.FRAME_ENCODING_ERROR, type, "retire_prior_to above sequence");
                }
                int cidOff = take(len, type);
                int tokenOff = take(16, type);
                v.onNewConnectionId(seq, retire, r.buffer(), cidOff, len, tokenOff);
                return;
            }
            case FrameType.RETIRE_CONNECTION_ID:
                v.onRetireConnectionId(r.varint());
                return;
            case FrameType.PATH_CHALLENGE:
                v.onPathChallenge(r.buffer(), take(8, type));
                return;
            case FrameType.PATH_RESPONSE:
                v.onPathResponse(r.buffer(), take(8, type));
                return;
            case FrameType.CONNECTION_CLOSE:
            case FrameType.CONNECTION_CLOSE_APP: {
                boolean app = type == FrameType.CONNECTION_CLOSE_APP;
                long code = r.varint();
                long frameType = app ? 0 : r.varint();
                long reasonLen = r.varint();
                int start = take(reasonLen, type);
                v.onConnectionClose(app, code, frameType, r.buffer(), start, (int) reasonLen);
                return;
            }
            case FrameType.HANDSHAKE_DONE:
                v.onHandshakeDone();
                return;
            case FrameType.DATAGRAM:
            case FrameType.DATAGRAM_LEN: {
                if (!datagramsAllowed) {
                    throw new QuicException(TransportError.PROTOCOL_VIOLATION, type, "DATAGRAM frames were not negotiated");
                }
                long length = type == FrameType.DATAGRAM_LEN ? r.varint() : r.remaining();
                int start = take(length, type);
                v.onDatagram(r.buffer(), start, (int) length);
                return;
            }
            default:
                throw new QuicException(TransportError.FRAME_ENCODING_ERROR, type, "unknown frame type 0x" + Long.toHexString(type));
        }
    }

    private void parseAck(long type) throws QuicException {
        ack.clear();
        long largest = r.varint();
        ack.largest = largest;
        ack.ackDelay = r.varint();
        long count = r.varint();
        long first = r.varint();
        if (first > largest) throw new QuicException(TransportError.FRAME_ENCODING_ERROR, type, "ACK range below zero");
        long smallest = largest - first;
        ack.add(smallest, largest);
        for (long i = 0; i < count; i++) {
            long gap = r.varint();
            long len = r.varint();
            long rangeLargest = smallest - gap - 2;
            if (rangeLargest < 0 || len > rangeLargest) {
                throw new QuicException(TransportError.FRAME_ENCODING_ERROR, type, "ACK range below zero");
            }
            smallest = rangeLargest - len;
            ack.add(smallest, rangeLargest);
        }
        if (type == FrameType.ACK_ECN) {
            ack.ecn = true;
            ack.ect0 = r.varint();
            ack.ect1 = r.varint();
            ack.ecnCe = r.varint();
        }
    }

    private int take(long length, long type) throws QuicException {
        if (length > r.remaining()) {
            throw new QuicException(TransportError.FRAME_ENCODING_ERROR, type, "frame length exceeds the packet");
        }
        return r.take(length);
    }
}
