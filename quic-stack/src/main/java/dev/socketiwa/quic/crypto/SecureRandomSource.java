package dev.socketiwa.quic.crypto;

import java.security.SecureRandom;

/**
 * The platform's SecureRandom (works on the JVM and in TeaVM, where it maps to crypto.getRandomValues). Thread-safe,
 * so one instance may serve every connection of a multi-threaded JVM server.
 */
public final class SecureRandomSource implements RandomSource {
    private final SecureRandom random = new SecureRandom();

    @Override
    public void nextBytes(byte[] buf, int off, int len) {
        if (off == 0 && len == buf.length) {
            random.nextBytes(buf);
            return;
        }
        byte[] tmp = new byte[len]; // handshake-time only: a few calls per connection
        random.nextBytes(tmp);
        System.arraycopy(tmp, 0, buf, off, len);
    }
}
