package dev.socketiwa.quic.crypto;

/**
 * An AEAD with a fixed key and a caller-supplied nonce; the building block providers implement. Not thread-safe.
 * Implementations must accept {@code out == in} at the same offset.
 */
public interface Aead {
    /** Returns bytes written: inLen + 16. */
    int seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff);

    /** Returns the plaintext length, or -1 when the input is too short or does not authenticate. */
    int open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff);
}
