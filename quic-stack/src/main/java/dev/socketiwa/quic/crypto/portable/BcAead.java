package dev.socketiwa.quic.crypto.portable;

import dev.socketiwa.quic.crypto.Aead;
import dev.socketiwa.quic.crypto.CipherSuite;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-GCM or ChaCha20-Poly1305 on the Bouncy Castle lightweight API. The key is set once; later inits pass a null key
 * so BC keeps its key schedule (GCM's H tables) and only the nonce changes. BC still allocates a small parameter
 * object and a nonce copy per packet; that is the floor with this API. Not thread-safe.
 */
final class BcAead implements Aead {
    private static final int TAG_BITS = 128;
    private final AEADCipher cipher;
    private KeyParameter key;

    BcAead(CipherSuite suite, byte[] keyBytes) {
        if (keyBytes.length != suite.keyLength()) {
            throw new IllegalArgumentException(suite + " needs a " + suite.keyLength() + "-byte key, got " + keyBytes.length);
        }
        this.cipher = suite == CipherSuite.TLS_CHACHA20_POLY1305_SHA256
                ? new ChaCha20Poly1305()
                : GCMBlockCipher.newInstance(AESEngine.newInstance());
        this.key = new KeyParameter(keyBytes);
    }

    private void init(boolean encrypt, byte[] nonce) {
        cipher.init(encrypt, new AEADParameters(key, TAG_BITS, nonce));
        key = null;
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        init(true, nonce);
        cipher.processAADBytes(aad, aadOff, aadLen);
        int n = cipher.processBytes(in, inOff, inLen, out, outOff);
        try {
            return n + cipher.doFinal(out, outOff + n);
        } catch (org.bouncycastle.crypto.InvalidCipherTextException e) {
            throw new IllegalStateException("encryption cannot fail authentication", e);
        }
    }

    @Override
    public int open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        if (inLen < 16) {
            return -1;
        }
        try {
            init(false, nonce);
            cipher.processAADBytes(aad, aadOff, aadLen);
            int n = cipher.processBytes(in, inOff, inLen, out, outOff);
            return n + cipher.doFinal(out, outOff + n);
        } catch (org.bouncycastle.crypto.InvalidCipherTextException | RuntimeException e) {
            cipher.reset();
            return -1;
        }
    }
}
