package dev.socketiwa.quic.crypto;

/**
 * One direction's packet protection at one level: AEAD key and IV plus the header-protection key (RFC 9001 §5).
 *
 * <p>Instances keep reusable cipher state and nonce buffers to avoid allocation per packet, so they are NOT
 * thread-safe: confine each one to the thread (or event loop) that owns its connection.
 */
public interface PacketProtection {
    CipherSuite suite();

    /** AEAD tag length, 16 for every QUIC v1 suite. */
    int tagLength();

    /**
     * Encrypts {@code in[inOff..inOff+inLen)} into {@code out[outOff..]}; out may be the same array at the same offset.
     * The nonce is the IV XOR the left-padded packet number (RFC 9001 §5.3). Returns the bytes written (inLen + tag).
     */
    int seal(long packetNumber, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff);

    /** Decrypts and authenticates; returns the plaintext length, or -1 when authentication fails. Never throws for bad input. */
    int open(long packetNumber, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff);

    /** Writes the 5-byte header-protection mask for the 16-byte sample at {@code sample[off]} into {@code mask[0..4]}. */
    void headerProtectionMask(byte[] sample, int off, byte[] mask);

    /** The protection for the next key phase (RFC 9001 §6, label "quic ku"); the header-protection key stays the same. */
    PacketProtection nextKeyPhase();
}
