package dev.socketiwa.quic.crypto;

import java.security.SecureRandom;

/** The platform's SecureRandom (works on the JVM and in TeaVM, where it maps to crypto.getRandomValues). */
public final class SecureRandomSource implements RandomSource {
    private final SecureRandom random = new SecureRandom();
    private byte[] scratch = new byte[64];

    @Override
    public void nextBytes(byte[] buf, int off, int len) {
        if (off == 0 && len == buf.length) {
            random.nextBytes(buf);
            return;
        }
        if (scratch.length < len) {
            scratch = new byte[len];
        }
        random.nextBytes(scratch);
        System.arraycopy(scratch, 0, buf, off, len);
    }
}
