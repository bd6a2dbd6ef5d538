package dev.socketiwa.quic.crypto;

/** One direction's packet protection at one level: AEAD key+iv and header-protection key (RFC 9001 §5). */
public interface PacketProtection {
    CipherSuite suite();

    int tagLength();

    int seal(long packetNumber, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff);

    /** Returns plaintext length, or -1 when authentication fails (never throws for bad input). */
    int open(long packetNumber, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff);

    /** 5-byte header-protection mask from the 16-byte sample at sample[off]. Writes into mask[0..4]. */
    void headerProtectionMask(byte[] sample, int off, byte[] mask);

    /** The next key phase's protection (RFC 9001 §6). */
    PacketProtection nextKeyPhase();
}
