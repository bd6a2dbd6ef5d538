package dev.socketiwa.quic.packet;

/** The invariant start of a long-header packet (RFC 8999 §5.1): first byte, version, then both connection IDs. */
public final class LongHeader {
    private LongHeader() {
    }

    /** Writes first byte, version, DCID and SCID (each with its length byte) at out[pos]; returns the position after. */
    public static int write(byte[] out, int pos, int firstByte, int version, byte[] dcid, int dcidOff, int dcidLen,
                            byte[] scid, int scidOff, int scidLen) {
        out[pos++] = (byte) firstByte;
        out[pos++] = (byte) (version >>> 24);
        out[pos++] = (byte) (version >>> 16);
        out[pos++] = (byte) (version >>> 8);
        out[pos++] = (byte) version;
        out[pos++] = (byte) dcidLen;
        System.arraycopy(dcid, dcidOff, out, pos, dcidLen);
        pos += dcidLen;
        out[pos++] = (byte) scidLen;
        System.arraycopy(scid, scidOff, out, pos, scidLen);
        return pos + scidLen;
    }
}
