package dev.socketiwa.quic.packet;

/** Version Negotiation packets (RFC 9000 §17.2.1). */
public final class VersionNegotiation {
    private VersionNegotiation() {
    }

    /**
     * Writes a Version Negotiation packet answering a packet with the given IDs (echoed swapped: our DCID is their SCID).
     * Returns its length.
     */
    public static int write(byte[] out, int off, byte[] dcid, int dcidOff, int dcidLen, byte[] scid, int scidOff,
                            int scidLen, int unusedBits, int[] versions) {
        int p = LongHeader.write(out, off, 0x80 | (unusedBits & 0x7f), 0, dcid, dcidOff, dcidLen, scid, scidOff, scidLen);
        for (int v : versions) {
            out[p++] = (byte) (v >>> 24);
            out[p++] = (byte) (v >>> 16);
            out[p++] = (byte) (v >>> 8);
            out[p++] = (byte) v;
        }
        return p - off;
    }

    /** The versions listed in a parsed Version Negotiation packet. */
    public static int[] versions(byte[] buf, Header h) {
        int n = (h.packetEnd - h.pnOffset) / 4;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int p = h.pnOffset + 4 * i;
            out[i] = ((buf[p] & 0xff) << 24) | ((buf[p + 1] & 0xff) << 16) | ((buf[p + 2] & 0xff) << 8) | (buf[p + 3] & 0xff);
        }
        return out;
    }
}
