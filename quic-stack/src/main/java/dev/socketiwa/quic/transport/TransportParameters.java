package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.packet.ConnectionId;
import dev.socketiwa.quic.packet.Reader;
import dev.socketiwa.quic.packet.VarInt;

/**
 * QUIC transport parameters (RFC 9000 §18, RFC 9221 §3): defaults, encoding, and decoding with validation. Every
 * violation is a TRANSPORT_PARAMETER_ERROR.
 */
public final class TransportParameters {
    static final int ORIGINAL_DESTINATION_CONNECTION_ID = 0x00;
    static final int MAX_IDLE_TIMEOUT = 0x01;
    static final int STATELESS_RESET_TOKEN = 0x02;
    static final int MAX_UDP_PAYLOAD_SIZE = 0x03;
    static final int INITIAL_MAX_DATA = 0x04;
    static final int INITIAL_MAX_STREAM_DATA_BIDI_LOCAL = 0x05;
    static final int INITIAL_MAX_STREAM_DATA_BIDI_REMOTE = 0x06;
    static final int INITIAL_MAX_STREAM_DATA_UNI = 0x07;
    static final int INITIAL_MAX_STREAMS_BIDI = 0x08;
    static final int INITIAL_MAX_STREAMS_UNI = 0x09;
    static final int ACK_DELAY_EXPONENT = 0x0a;
    static final int MAX_ACK_DELAY = 0x0b;
    static final int DISABLE_ACTIVE_MIGRATION = 0x0c;
    static final int PREFERRED_ADDRESS = 0x0d;
    static final int ACTIVE_CONNECTION_ID_LIMIT = 0x0e;
    static final int INITIAL_SOURCE_CONNECTION_ID = 0x0f;
    static final int RETRY_SOURCE_CONNECTION_ID = 0x10;
    static final int MAX_DATAGRAM_FRAME_SIZE = 0x20;

    public ConnectionId originalDestinationConnectionId;
    /** Milliseconds; 0 = no idle timeout. */
    public long maxIdleTimeout;
    public byte[] statelessResetToken;
    public long maxUdpPayloadSize = 65527;
    public long initialMaxData;
    public long initialMaxStreamDataBidiLocal;
    public long initialMaxStreamDataBidiRemote;
    public long initialMaxStreamDataUni;
    public long initialMaxStreamsBidi;
    public long initialMaxStreamsUni;
    public long ackDelayExponent = 3;
    /** Milliseconds. */
    public long maxAckDelay = 25;
    public boolean disableActiveMigration;
    public byte[] preferredAddress;
    public long activeConnectionIdLimit = 2;
    public ConnectionId initialSourceConnectionId;
    public ConnectionId retrySourceConnectionId;
    /** 0 = DATAGRAM frames not supported. */
    public long maxDatagramFrameSize;

    public byte[] encode() {
        byte[] out = new byte[512];
        int p = 0;
        if (originalDestinationConnectionId != null) p = putCid(out, p, ORIGINAL_DESTINATION_CONNECTION_ID, originalDestinationConnectionId);
        if (maxIdleTimeout != 0) p = putInt(out, p, MAX_IDLE_TIMEOUT, maxIdleTimeout);
        if (statelessResetToken != null) p = putBytes(out, p, STATELESS_RESET_TOKEN, statelessResetToken);
        if (maxUdpPayloadSize != 65527) p = putInt(out, p, MAX_UDP_PAYLOAD_SIZE, maxUdpPayloadSize);
        if (initialMaxData != 0) p = putInt(out, p, INITIAL_MAX_DATA, initialMaxData);
        if (initialMaxStreamDataBidiLocal != 0) p = putInt(out, p, INITIAL_MAX_STREAM_DATA_BIDI_LOCAL, initialMaxStreamDataBidiLocal);
        if (initialMaxStreamDataBidiRemote != 0) p = putInt(out, p, INITIAL_MAX_STREAM_DATA_BIDI_REMOTE, initialMaxStreamDataBidiRemote);
        if (initialMaxStreamDataUni != 0) p = putInt(out, p, INITIAL_MAX_STREAM_DATA_UNI, initialMaxStreamDataUni);
        if (initialMaxStreamsBidi != 0) p = putInt(out, p, INITIAL_MAX_STREAMS_BIDI, initialMaxStreamsBidi);
        if (initialMaxStreamsUni != 0) p = putInt(out, p, INITIAL_MAX_STREAMS_UNI, initialMaxStreamsUni);
        if (ackDelayExponent != 3) p = putInt(out, p, ACK_DELAY_EXPONENT, ackDelayExponent);
        if (maxAckDelay != 25) p = putInt(out, p, MAX_ACK_DELAY, maxAckDelay);
        if (disableActiveMigration) p = putBytes(out, p, DISABLE_ACTIVE_MIGRATION, new byte[0]);
        if (preferredAddress != null) p = putBytes(out, p, PREFERRED_ADDRESS, preferredAddress);
        if (activeConnectionIdLimit != 2) p = putInt(out, p, ACTIVE_CONNECTION_ID_LIMIT, activeConnectionIdLimit);
        if (initialSourceConnectionId != null) p = putCid(out, p, INITIAL_SOURCE_CONNECTION_ID, initialSourceConnectionId);
        if (retrySourceConnectionId != null) p = putCid(out, p, RETRY_SOURCE_CONNECTION_ID, retrySourceConnectionId);
        if (maxDatagramFrameSize != 0) p = putInt(out, p, MAX_DATAGRAM_FRAME_SIZE, maxDatagramFrameSize);
        byte[] r = new byte[p];
        System.arraycopy(out, 0, r, 0, p);
        return r;
    }

    /**
     * Decodes the peer's parameters. sentByServer: whether the peer is the server (server-only parameters from a client
     * are an error). Unknown parameters are ignored, duplicates rejected.
     */
    public static TransportParameters decode(byte[] data, boolean sentByServer) throws QuicException {
        TransportParameters tp = new TransportParameters();
        Reader r = new Reader().reset(data, 0, data.length);
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        try {
            while (r.hasRemaining()) {
                long id = r.varint();
                long len = r.varint();
                int off = r.take(len);
                int n = (int) len;
                if (!seen.add(id)) throw error("duplicate parameter 0x" + Long.toHexString(id));
                if (!sentByServer && (id == ORIGINAL_DESTINATION_CONNECTION_ID || id == STATELESS_RESET_TOKEN
                        || id == PREFERRED_ADDRESS || id == RETRY_SOURCE_CONNECTION_ID)) {
                    throw error("a client sent the server-only parameter 0x" + Long.toHexString(id));
                }
                if (id > Integer.MAX_VALUE) continue;
                switch ((int) id) {
                    case ORIGINAL_DESTINATION_CONNECTION_ID: tp.originalDestinationConnectionId = cid(data, off, n); break;
                    case MAX_IDLE_TIMEOUT: tp.maxIdleTimeout = intValue(data, off, n); break;
                    case STATELESS_RESET_TOKEN:
                        if (n != 16) throw error("stateless_reset_token must be 16 bytes");
                        tp.statelessResetToken = java.util.Arrays.copyOfRange(data, off, off + 16);
                        break;
                    case MAX_UDP_PAYLOAD_SIZE:
                        tp.maxUdpPayloadSize = intValue(data, off, n);
                        if (tp.maxUdpPayloadSize < 1200) throw error("max_udp_payload_size below 1200");
                        break;
                    case INITIAL_MAX_DATA: tp.initialMaxData = intValue(data, off, n); break;
                    case INITIAL_MAX_STREAM_DATA_BIDI_LOCAL: tp.initialMaxStreamDataBidiLocal = intValue(data, off, n); break;
                    case INITIAL_MAX_STREAM_DATA_BIDI_REMOTE: tp.initialMaxStreamDataBidiRemote = intValue(data, off, n); break;
                    case INITIAL_MAX_STREAM_DATA_UNI: tp.initialMaxStreamDataUni = intValue(data, off, n); break;
                    case INITIAL_MAX_STREAMS_BIDI:
                        tp.initialMaxStreamsBidi = intValue(data, off, n);
                        if (tp.initialMaxStreamsBidi > (1L << 60)) throw error("initial_max_streams_bidi above 2^60");
                        break;
                    case INITIAL_MAX_STREAMS_UNI:
                        tp.initialMaxStreamsUni = intValue(data, off, n);
                        if (tp.initialMaxStreamsUni > (1L << 60)) throw error("initial_max_streams_uni above 2^60");
                        break;
                    case ACK_DELAY_EXPONENT:
                        tp.ackDelayExponent = intValue(data, off, n);
                        if (tp.ackDelayExponent > 20) throw error("ack_delay_exponent above 20");
                        break;
                    case MAX_ACK_DELAY:
                        tp.maxAckDelay = intValue(data, off, n);
                        if (tp.maxAckDelay >= (1 << 14)) throw error("max_ack_delay of 2^14 ms or more");
                        break;
                    case DISABLE_ACTIVE_MIGRATION:
                        if (n != 0) throw error("disable_active_migration must be empty");
                        tp.disableActiveMigration = true;
                        break;
                    case PREFERRED_ADDRESS:
                        // IPv4 (4+2) + IPv6 (16+2) + cid length (1) + cid (1..20) + token (16)
                        if (n < 41 + 1 || (data[off + 24] & 0xff) == 0 || n != 41 + (data[off + 24] & 0xff)) {
                            throw error("malformed preferred_address");
                        }
                        tp.preferredAddress = java.util.Arrays.copyOfRange(data, off, off + n);
                        break;
                    case ACTIVE_CONNECTION_ID_LIMIT:
                        tp.activeConnectionIdLimit = intValue(data, off, n);
                        if (tp.activeConnectionIdLimit < 2) throw error("active_connection_id_limit below 2");
                        break;
                    case INITIAL_SOURCE_CONNECTION_ID: tp.initialSourceConnectionId = cid(data, off, n); break;
                    case RETRY_SOURCE_CONNECTION_ID: tp.retrySourceConnectionId = cid(data, off, n); break;
                    case MAX_DATAGRAM_FRAME_SIZE: tp.maxDatagramFrameSize = intValue(data, off, n); break;
                    default: break; // unknown and reserved (31*N+27) parameters are ignored
                }
            }
        } catch (QuicException e) {
            if (e.errorCode() == TransportError.TRANSPORT_PARAMETER_ERROR) throw e;
            throw error("malformed transport parameters: " + e.getMessage());
        }
        if (tp.initialSourceConnectionId == null) throw error("initial_source_connection_id missing");
        if (sentByServer && tp.originalDestinationConnectionId == null) {
            throw error("original_destination_connection_id missing");
        }
        return tp;
    }

    private static QuicException error(String reason) {
        return new QuicException(TransportError.TRANSPORT_PARAMETER_ERROR, reason);
    }

    private static ConnectionId cid(byte[] data, int off, int n) throws QuicException {
        if (n > ConnectionId.MAX_LENGTH) throw error("connection ID longer than 20 bytes");
        return ConnectionId.of(data, off, n);
    }

    private static long intValue(byte[] data, int off, int n) throws QuicException {
        Reader r = new Reader().reset(data, off, n);
        long v = r.varint();
        if (r.hasRemaining()) throw error("integer parameter with trailing bytes");
        return v;
    }

    private static int putInt(byte[] out, int p, int id, long v) {
        p = VarInt.write(out, p, id);
        p = VarInt.write(out, p, VarInt.length(v));
        return VarInt.write(out, p, v);
    }

    private static int putBytes(byte[] out, int p, int id, byte[] v) {
        p = VarInt.write(out, p, id);
        p = VarInt.write(out, p, v.length);
        System.arraycopy(v, 0, out, p, v.length);
        return p + v.length;
    }

    private static int putCid(byte[] out, int p, int id, ConnectionId cid) {
        p = VarInt.write(out, p, id);
        p = VarInt.write(out, p, cid.length());
        return cid.writeTo(out, p);
    }
}
