package dev.socketiwa.quic.crypto.jca;

import dev.socketiwa.quic.crypto.HeaderProtectionCipher;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/** AES-ECB header protection through the JDK; one Cipher and one scratch block per instance. Not thread-safe. */
final class JcaAesHeaderProtection implements HeaderProtectionCipher {
    private final Cipher aes;
    private final byte[] block = new byte[16];

    JcaAesHeaderProtection(byte[] hpKey) {
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hpKey, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB unavailable", e);
        }
    }

    @Override
    public void mask(byte[] sample, int off, byte[] mask) {
        try {
            aes.doFinal(sample, off, 16, block, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        System.arraycopy(block, 0, mask, 0, 5);
    }
}
