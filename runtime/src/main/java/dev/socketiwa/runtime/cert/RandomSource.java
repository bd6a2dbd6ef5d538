package dev.socketiwa.runtime.cert;

/**
 * Cryptographically strong random bytes. The JVM passes {@code new SecureRandom()::nextBytes}; the browser build passes
 * one backed by {@code crypto.getRandomValues}. Key material depends on it, so never pass a seeded or predictable source
 * outside tests.
 */
@FunctionalInterface
public interface RandomSource {
    void nextBytes(byte[] bytes);
}
