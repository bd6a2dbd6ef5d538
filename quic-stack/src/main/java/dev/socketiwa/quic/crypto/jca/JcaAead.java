package dev.socketiwa.quic.crypto.jca;

import dev.socketiwa.quic.crypto.Aead;
import dev.socketiwa.quic.crypto.CipherSuite;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM through the JDK (AES-NI and vectorised intrinsics). The JCA insists on a new parameter spec per init, so each
 * packet allocates one small object; the Cipher itself is reused. Not thread-safe. ChaCha20-Poly1305 is BC's (see
 * {@link JcaCryptoProvider#aead}).
 */
final class JcaAead implements Aead {
    private final SecretKeySpec key;
    private final Cipher cipher;

    JcaAead(CipherSuite suite, byte[] keyBytes) {
        if (keyBytes.length != suite.keyLength()) {
            throw new IllegalArgumentException(suite + " needs a " + suite.keyLength() + "-byte key, got " + keyBytes.length);
        }
        if (suite == CipherSuite.TLS_CHACHA20_POLY1305_SHA256) {
            throw new IllegalArgumentException("JcaAead is AES-GCM only; ChaCha20-Poly1305 goes through Bouncy Castle");
        }
        key = new SecretKeySpec(keyBytes, "AES");
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks " + suite + " (needs Java 11+)", e);
        }
    }

    private static AlgorithmParameterSpec spec(byte[] nonce) {
        return new GCMParameterSpec(128, nonce);
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, spec(nonce));
            cipher.updateAAD(aad, aadOff, aadLen);
            return cipher.doFinal(in, inOff, inLen, out, outOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AEAD seal failed (nonce reuse or bad buffer bounds)", e);
        }
    }

    @Override
    public int open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        if (inLen < 16) {
            return -1;
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, spec(nonce));
            cipher.updateAAD(aad, aadOff, aadLen);
            return cipher.doFinal(in, inOff, inLen, out, outOff);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException | RuntimeException e) {
            return -1;
        }
    }
}
