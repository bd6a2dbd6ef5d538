package dev.socketiwa.quic.crypto.portable;

import dev.socketiwa.quic.crypto.Aead;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.gcm.GCMMultiplier;
import org.bouncycastle.crypto.modes.gcm.Tables4kGCMMultiplier;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-GCM (NIST SP 800-38D) for 12-byte nonces and 16-byte tags, assembled from Bouncy Castle's AES block function
 * and table-driven GHASH multiplier. Why not BC's GCMBlockCipher: it allocates a 16-byte array per block (about 4 KB
 * of garbage per 1200-byte packet), which the wasm GC build pays for on every packet. This keeps all state in fields
 * and allocates nothing per packet. open() authenticates before it decrypts, so unauthenticated plaintext is never
 * written. Not thread-safe.
 */
final class PortableAesGcm implements Aead {
    private final BlockCipher aes = AESEngine.newInstance();
    /** 4 KB of tables per key, as BC's own default: a connection holds several keys at once. */
    private final GCMMultiplier ghash = new Tables4kGCMMultiplier();
    private final byte[] j0 = new byte[16];
    private final byte[] counter = new byte[16];
    private final byte[] keystream = new byte[16];
    private final byte[] s = new byte[16];
    private final byte[] tag = new byte[16];

    PortableAesGcm(byte[] key) {
        aes.init(true, new KeyParameter(key));
        byte[] h = new byte[16];
        aes.processBlock(h, 0, h, 0);
        ghash.init(h);
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        start(nonce);
        ghash(aad, aadOff, aadLen);
        ctr(in, inOff, out, outOff, inLen);
        ghash(out, outOff, inLen);
        finish(aadLen, inLen);
        System.arraycopy(tag, 0, out, outOff + inLen, 16);
        return inLen + 16;
    }

    @Override
    public int open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        if (inLen < 16) {
            return -1;
        }
        int ctLen = inLen - 16;
        start(nonce);
        ghash(aad, aadOff, aadLen);
        ghash(in, inOff, ctLen);
        finish(aadLen, ctLen);
        int diff = 0;
        for (int i = 0; i < 16; i++) {
            diff |= tag[i] ^ in[inOff + ctLen + i];
        }
        if (diff != 0) {
            return -1;
        }
        ctr(in, inOff, out, outOff, ctLen);
        return ctLen;
    }

    private void start(byte[] nonce) {
        System.arraycopy(nonce, 0, j0, 0, 12);
        j0[12] = 0;
        j0[13] = 0;
        j0[14] = 0;
        j0[15] = 1;
        System.arraycopy(j0, 0, counter, 0, 16);
        for (int i = 0; i < 16; i++) {
            s[i] = 0;
        }
    }

    private void ghash(byte[] data, int off, int len) {
        int end = off + len;
        while (off < end) {
            int n = Math.min(16, end - off);
            for (int i = 0; i < n; i++) {
                s[i] ^= data[off + i];
            }
            ghash.multiplyH(s);
            off += n;
        }
    }

    /** CTR keystream from inc32(J0); safe in place because each byte is read before it is written. */
    private void ctr(byte[] in, int inOff, byte[] out, int outOff, int len) {
        for (int done = 0; done < len; done += 16) {
            for (int i = 15; i >= 12; i--) {
                if (++counter[i] != 0) {
                    break;
                }
            }
            aes.processBlock(counter, 0, keystream, 0);
            int n = Math.min(16, len - done);
            for (int i = 0; i < n; i++) {
                out[outOff + done + i] = (byte) (in[inOff + done + i] ^ keystream[i]);
            }
        }
    }

    private void finish(int aadLen, int textLen) {
        long aBits = (long) aadLen * 8;
        long cBits = (long) textLen * 8;
        for (int i = 0; i < 8; i++) {
            s[i] ^= (byte) (aBits >>> (56 - 8 * i));
            s[8 + i] ^= (byte) (cBits >>> (56 - 8 * i));
        }
        ghash.multiplyH(s);
        aes.processBlock(j0, 0, tag, 0);
        for (int i = 0; i < 16; i++) {
            tag[i] ^= s[i];
        }
    }
}
