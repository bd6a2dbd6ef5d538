package dev.socketiwa.quic.packet;

import dev.socketiwa.quic.crypto.PacketProtection;

/**
 * Applies and removes packet and header protection (RFC 9001 §5.3, §5.4). One instance per connection: it owns the
 * small scratch mask, so nothing is allocated per packet.
 */
public final class PacketProtector {
    public static final int SAMPLE_LENGTH = 16;

    private final byte[] mask = new byte[5];

    /** Result of the last {@link #removeHeaderProtection}. */
    private int pnLength;
    private long truncatedPn;
    private int firstByte;

    public int pnLength() { return pnLength; }

    public int firstByte() { return firstByte; }

    /**
     * Removes header protection in place for the packet whose header h describes. Returns false when the packet is too
     * short to sample (the caller drops it). Afterwards the first byte and packet number bytes are cleartext.
     */
    public boolean removeHeaderProtection(byte[] buf, Header h, PacketProtection pp) {
        int sampleOff = h.pnOffset + 4;
        if (sampleOff + SAMPLE_LENGTH > h.packetEnd) return false;
        pp.headerProtectionMask(buf, sampleOff, mask);
        int first = buf[h.packetStart] & 0xff;
        first ^= (mask[0] & 0xff) & (h.isLong() ? 0x0f : 0x1f);
        buf[h.packetStart] = (byte) first;
        firstByte = first;
        pnLength = (first & 0x03) + 1;
        long pn = 0;
        for (int i = 0; i < pnLength; i++) {
            int b = (buf[h.pnOffset + i] ^ mask[1 + i]) & 0xff;
            buf[h.pnOffset + i] = (byte) b;
            pn = (pn << 8) | b;
        }
        truncatedPn = pn;
        return true;
    }

    /** The full packet number after {@link #removeHeaderProtection}, given the largest pn received in that space. */
    public long decodePacketNumber(long largestReceived) {
        return PacketNumber.decode(largestReceived, truncatedPn, pnLength * 8);
    }

    /**
     * Decrypts the payload of the packet (header already unprotected) into out[outOff]. Returns the plaintext length
     * or -1 when authentication fails.
     */
    public int openPayload(byte[] buf, Header h, PacketProtection pp, long pn, byte[] out, int outOff) {
        int payloadOff = h.pnOffset + pnLength;
        int payloadLen = h.packetEnd - payloadOff;
        if (payloadLen < pp.tagLength()) return -1;
        return pp.open(pn, buf, h.packetStart, payloadOff - h.packetStart, buf, payloadOff, payloadLen, out, outOff);
    }

    /**
     * Seals a packet laid out in buf: header from packetStart to pnOffset + pnLen, then plaintext of payloadLen bytes.
     * Encrypts in place and applies header protection. The caller must have padded the plaintext so that pnLen +
     * payloadLen >= 4 (RFC 9001 §5.4.2). Returns the end of the packet.
     */
    public int seal(byte[] buf, int packetStart, int pnOffset, int pnLen, int payloadLen, long pn, PacketProtection pp,
                    boolean longHeader) {
        int payloadOff = pnOffset + pnLen;
        int written = pp.seal(pn, buf, packetStart, payloadOff - packetStart, buf, payloadOff, payloadLen, buf, payloadOff);
        int end = payloadOff + written;
        pp.headerProtectionMask(buf, pnOffset + 4, mask);
        buf[packetStart] ^= (byte) (mask[0] & (longHeader ? 0x0f : 0x1f));
        for (int i = 0; i < pnLen; i++) {
            buf[pnOffset + i] ^= mask[1 + i];
        }
        return end;
    }
}
