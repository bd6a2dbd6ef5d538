package dev.socketiwa.quic.crypto;

/** Computes the header-protection mask of RFC 9001 §5.4 (AES-ECB or ChaCha20 on the sample). Not thread-safe. */
public interface HeaderProtectionCipher {
    /** Writes 5 mask bytes for the 16-byte sample at {@code sample[off]} into {@code mask[0..4]}. */
    void mask(byte[] sample, int off, byte[] mask);
}
