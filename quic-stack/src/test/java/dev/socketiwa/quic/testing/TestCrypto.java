package dev.socketiwa.quic.testing;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.InitialKeys;
import dev.socketiwa.quic.crypto.PacketProtection;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.ChaCha7539Engine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Real QUIC packet protection (RFC 9001 §5) for transport tests, built directly on Bouncy Castle, so the transport can
 * be tested with genuine AEAD and header protection independent of the crypto package.
 */
public final class TestCrypto {
    private static final byte[] INITIAL_SALT = HexFormat.of().parseHex("38762cf7f55934b34d179ae6a4c80cadccbb7f0a");

    private TestCrypto() {
    }

    public static byte[] extract(byte[] salt, byte[] ikm) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(salt));
        mac.update(ikm, 0, ikm.length);
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        return out;
    }

    public static byte[] expandLabel(byte[] secret, String label, int length) {
        byte[] full = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        byte[] info = new byte[2 + 1 + full.length + 1];
        info[0] = (byte) (length >>> 8);
        info[1] = (byte) length;
        info[2] = (byte) full.length;
        System.arraycopy(full, 0, info, 3, full.length);
        HKDFBytesGenerator g = new HKDFBytesGenerator(new SHA256Digest());
        g.init(HKDFParameters.skipExtractParameters(secret, info));
        byte[] out = new byte[length];
        g.generateBytes(out, 0, length);
        return out;
    }

    public static InitialKeys initialKeys(byte[] cid, int off, int len) {
        byte[] dcid = java.util.Arrays.copyOfRange(cid, off, off + len);
        byte[] initial = extract(INITIAL_SALT, dcid);
        return new InitialKeys(protection(CipherSuite.TLS_AES_128_GCM_SHA256, expandLabel(initial, "client in", 32)),
                protection(CipherSuite.TLS_AES_128_GCM_SHA256, expandLabel(initial, "server in", 32)));
    }

    public static PacketProtection protection(CipherSuite suite, byte[] secret) {
        int keyLen = suite == CipherSuite.TLS_AES_128_GCM_SHA256 ? 16 : 32;
        byte[] hp = expandLabel(secret, "quic hp", keyLen);
        return new Protection(suite, secret, hp);
    }

    private static final class Protection implements PacketProtection {
        private final CipherSuite suite;
        private final byte[] secret;
        private final byte[] key;
        private final byte[] iv;
        private final byte[] hp;
        private final byte[] nonce = new byte[12];

        Protection(CipherSuite suite, byte[] secret, byte[] hp) {
            this.suite = suite;
            this.secret = secret;
            this.key = expandLabel(secret, "quic key", suite == CipherSuite.TLS_AES_128_GCM_SHA256 ? 16 : 32);
            this.iv = expandLabel(secret, "quic iv", 12);
            this.hp = hp;
        }

        @Override
        public CipherSuite suite() { return suite; }

        @Override
        public int tagLength() { return 16; }

        private AEADCipher cipher(boolean encrypt, long pn, byte[] aad, int aadOff, int aadLen) {
            System.arraycopy(iv, 0, nonce, 0, 12);
            for (int i = 0; i < 8; i++) nonce[11 - i] ^= (byte) (pn >>> (8 * i));
            AEADCipher c = suite == CipherSuite.TLS_CHACHA20_POLY1305_SHA256 ? new ChaCha20Poly1305()
                    : GCMBlockCipher.newInstance(AESEngine.newInstance());
            c.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce.clone()));
            c.processAADBytes(aad, aadOff, aadLen);
            return c;
        }

        @Override
        public int seal(long pn, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
            AEADCipher c = cipher(true, pn, aad, aadOff, aadLen);
            byte[] tmp = new byte[c.getOutputSize(inLen)];
            int n = c.processBytes(in, inOff, inLen, tmp, 0);
            try {
                n += c.doFinal(tmp, n);
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException(e);
            }
            System.arraycopy(tmp, 0, out, outOff, n);
            return n;
        }

        @Override
        public int open(long pn, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
            if (inLen < 16) return -1;
            AEADCipher c = cipher(false, pn, aad, aadOff, aadLen);
            byte[] tmp = new byte[inLen];
            int n = c.processBytes(in, inOff, inLen, tmp, 0);
            try {
                n += c.doFinal(tmp, n);
            } catch (InvalidCipherTextException e) {
                return -1;
            }
            System.arraycopy(tmp, 0, out, outOff, n);
            return n;
        }

        @Override
        public void headerProtectionMask(byte[] sample, int off, byte[] mask) {
            if (suite == CipherSuite.TLS_CHACHA20_POLY1305_SHA256) {
                ChaCha7539Engine e = new ChaCha7539Engine();
                e.init(true, new ParametersWithIV(new KeyParameter(hp), java.util.Arrays.copyOfRange(sample, off + 4, off + 16)));
                long counter = (sample[off] & 0xffL) | (sample[off + 1] & 0xffL) << 8 | (sample[off + 2] & 0xffL) << 16
                        | (sample[off + 3] & 0xffL) << 24;
                e.seekTo(counter * 64);
                byte[] zeros = new byte[5];
                e.processBytes(zeros, 0, 5, mask, 0);
            } else {
                AESEngine aes = new AESEngine();
                aes.init(true, new KeyParameter(hp));
                byte[] block = new byte[16];
                aes.processBlock(sample, off, block, 0);
                System.arraycopy(block, 0, mask, 0, 5);
            }
        }

        @Override
        public PacketProtection nextKeyPhase() {
            return new Protection(suite, expandLabel(secret, "quic ku", 32), hp);
        }
    }
}
