package dev.socketiwa.quic.transport;

/** Where the engine's unpredictable bytes come from (connection IDs, stateless reset bits); passed in, never created. */
public interface Randomness {
    void nextBytes(byte[] buf, int off, int len);
}
