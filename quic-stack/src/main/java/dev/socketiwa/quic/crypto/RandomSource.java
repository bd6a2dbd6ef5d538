package dev.socketiwa.quic.crypto;

/** Where the engine's randomness comes from (sans-IO: the caller decides; tests pass a seeded one). */
public interface RandomSource {
    void nextBytes(byte[] buf, int off, int len);

    default byte[] nextBytes(int len) {
        byte[] b = new byte[len];
        nextBytes(b, 0, len);
        return b;
    }
}
