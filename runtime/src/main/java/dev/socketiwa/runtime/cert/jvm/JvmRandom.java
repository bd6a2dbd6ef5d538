package dev.socketiwa.runtime.cert.jvm;

import java.security.SecureRandom;

import dev.socketiwa.runtime.cert.RandomSource;

/** The JVM's strong randomness as a {@link RandomSource}. */
public final class JvmRandom {
    private JvmRandom() {
    }

    public static RandomSource secure() {
        SecureRandom random = new SecureRandom();
        return random::nextBytes;
    }
}
