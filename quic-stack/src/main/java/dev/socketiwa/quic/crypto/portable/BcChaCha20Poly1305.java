package dev.socketiwa.quic.crypto.portable;

import dev.socketiwa.quic.crypto.Aead;
import dev.socketiwa.quic.crypto.CipherSuite;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * ChaCha20-Poly1305 on the Bouncy Castle lightweight API. The key is set once; later inits pass a null key so BC
 * keeps it and only the nonce changes. BC copies its input into a fresh array when input and output overlap, so
 * in-place calls go through a reusable scratch buffer instead (one copy, no garbage). BC still allocates a small
 * parameter object and a nonce copy per packet; that is the floor with this API. Not thread-safe.
 */
final class BcChaCha20Poly1305 implements Aead {
    private static final int TAG_BITS = 128;
    private final AEADCipher cipher;
    private KeyParameter key;
    private byte[] scratch;

    BcChaCha20Poly1305(CipherSuite suite, byte[] keyBytes) {
        if (keyBytes.length != suite.keyLength()) {
            throw new IllegalArgumentException(suite + " needs a " + suite.keyLength() + "-byte key, got " + keyBytes.length);
        }
        if (suite != CipherSuite.TLS_CHACHA20_POLY1305_SHA256) {
            throw new IllegalArgumentException("only ChaCha20-Poly1305 here; AES-GCM is PortableAesGcm");
        }
        this.cipher = new ChaCha20Poly1305();
        this.scratch = new byte[1500];
        this.key = new KeyParameter(keyBytes);
    }

    private byte[] scratch(int len) {
        if (scratch.length < len) {
            scratch = new byte[len];
        }
        return scratch;
    }

    private void init(boolean encrypt, byte[] nonce) {
        cipher.init(encrypt, new AEADParameters(key, TAG_BITS, nonce));
        key = null;
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        init(true, nonce);
        cipher.processAADBytes(aad, aadOff, aadLen);
        byte[] target = in == out ? scratch(inLen + 16) : out;
        int targetOff = in == out ? 0 : outOff;
        int n = cipher.processBytes(in, inOff, inLen, target, targetOff);
        try {
            n += cipher.doFinal(target, targetOff + n);
        } catch (org.bouncycastle.crypto.InvalidCipherTextException e) {
            throw new IllegalStateException("encryption cannot fail authentication", e);
        }
        if (target != out) {
            System.arraycopy(target, 0, out, outOff, n);
        }
        return n;
    }

    @Override
    public int open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        if (inLen < 16) {
            return -1;
        }
        try {
            init(false, nonce);
            cipher.processAADBytes(aad, aadOff, aadLen);
            byte[] target = in == out ? scratch(inLen) : out;
            int targetOff = in == out ? 0 : outOff;
            int n = cipher.processBytes(in, inOff, inLen, target, targetOff);
            n += cipher.doFinal(target, targetOff + n);
            if (target != out) {
                System.arraycopy(target, 0, out, outOff, n);
            }
            return n;
        } catch (org.bouncycastle.crypto.InvalidCipherTextException | RuntimeException e) {
            cipher.reset();
            return -1;
        }
    }
}
