package dev.socketiwa.quic.packet;

/**
 * A reusable view of one packet's cleartext header fields inside a datagram (RFC 9000 §17). Offsets index the datagram
 * buffer, so parsing allocates nothing. The packet number and the protected bits are read after header protection is
 * removed (see {@link PacketProtector}).
 */
public final class Header {
    public static final int VERSION_1 = 0x00000001;
    /** Smallest UDP payload of a datagram carrying a client Initial (RFC 9000 §14.1). */
    public static final int MIN_INITIAL_SIZE = 1200;

    public PacketType type;
    public int version;
    public int packetStart;
    public int dcidOff;
    public int dcidLen;
    public int scidOff;
    public int scidLen;
    public int tokenOff;
    public int tokenLen;
    /** Offset of the (protected) packet number field; for Retry and VN the end of the fixed fields. */
    public int pnOffset;
    /** End of this packet in the datagram (exclusive); the next coalesced packet starts here. */
    public int packetEnd;

    public boolean isLong() {
        return type != PacketType.ONE_RTT;
    }

    /**
     * Parses the header starting at buf[off] within a datagram ending at end. Short headers need the local connection
     * ID length. Returns false for anything malformed (the caller drops the rest of the datagram).
     */
    public boolean parse(byte[] buf, int off, int end, int shortDcidLen) {
        if (off >= end) return false;
        packetStart = off;
        int first = buf[off] & 0xff;
        tokenOff = tokenLen = scidOff = scidLen = 0;
        if ((first & 0x80) == 0) {
            // Short header: fixed bit must be set, else the packet is unusable (RFC 9000 §17.3.1).
            if ((first & 0x40) == 0) return false;
            type = PacketType.ONE_RTT;
            version = VERSION_1;
            dcidOff = off + 1;
            dcidLen = shortDcidLen;
            pnOffset = dcidOff + shortDcidLen;
            packetEnd = end;
            return pnOffset <= end;
        }
        if (end - off < 7) return false;
        version = ((buf[off + 1] & 0xff) << 24) | ((buf[off + 2] & 0xff) << 16) | ((buf[off + 3] & 0xff) << 8)
                | (buf[off + 4] & 0xff);
        int p = off + 5;
        dcidLen = buf[p++] & 0xff;
        dcidOff = p;
        p += dcidLen;
        if (p >= end) return false;
        scidLen = buf[p++] & 0xff;
        scidOff = p;
        p += scidLen;
        if (p > end) return false;
        if (version == 0) {
            type = PacketType.VERSION_NEGOTIATION;
            pnOffset = p;
            packetEnd = end;
            return true;
        }
        if (version != VERSION_1) {
            // Unknown version: only the invariant fields are meaningful (RFC 8999).
            type = null;
            pnOffset = p;
            packetEnd = end;
            return dcidLen <= 255;
        }
        if (dcidLen > ConnectionId.MAX_LENGTH || scidLen > ConnectionId.MAX_LENGTH) return false;
        if ((first & 0x40) == 0) return false;
        switch ((first >>> 4) & 3) {
            case 0: type = PacketType.INITIAL; break;
            case 1: type = PacketType.ZERO_RTT; break;
            case 2: type = PacketType.HANDSHAKE; break;
            default: type = PacketType.RETRY; break;
        }
        if (type == PacketType.RETRY) {
            tokenOff = p;
            pnOffset = p;
            packetEnd = end;
            tokenLen = end - p - 16;
            return tokenLen >= 0;
        }
        if (type == PacketType.INITIAL) {
            long[] v = new long[1];
            int q = readVarint(buf, p, end, v);
            if (q < 0 || v[0] > end - q) return false;
            tokenLen = (int) v[0];
            tokenOff = q;
            p = q + tokenLen;
        }
        long length = 0;
        {
            // inline varint read (no allocation on the hot path)
            if (p >= end) return false;
            int b0 = buf[p] & 0xff;
            int len = 1 << (b0 >>> 6);
            if (p + len > end) return false;
            length = b0 & 0x3f;
            for (int i = 1; i < len; i++) length = (length << 8) | (buf[p + i] & 0xff);
            p += len;
        }
        if (length > end - p) return false;
        pnOffset = p;
        packetEnd = p + (int) length;
        return true;
    }

    private static int readVarint(byte[] buf, int p, int end, long[] out) {
        if (p >= end) return -1;
        int b0 = buf[p] & 0xff;
        int len = 1 << (b0 >>> 6);
        if (p + len > end) return -1;
        long v = b0 & 0x3f;
        for (int i = 1; i < len; i++) v = (v << 8) | (buf[p + i] & 0xff);
        out[0] = v;
        return p + len;
    }

    /** The destination connection ID of the packet at buf[off] without full parsing (long or short header). */
    public static int peekDcidLength(byte[] buf, int off, int end, int shortDcidLen) {
        if (off >= end) return -1;
        if ((buf[off] & 0x80) == 0) return shortDcidLen;
        return off + 5 < end ? buf[off + 5] & 0xff : -1;
    }
}
