package dev.socketiwa.quic.crypto;

/**
 * ChaCha20 header protection (RFC 9001 §5.4.4): the mask is the first 5 bytes of the ChaCha20 block for
 * counter = sample[0..3] (little endian) and nonce = sample[4..15]. One block function in plain Java: it is portable,
 * allocation-free and shared by both providers (the JCA would need a new parameter object per packet).
 */
public final class ChaCha20HeaderProtection implements HeaderProtectionCipher {
    private final int[] key = new int[8];
    private final int[] state = new int[16];
    private final int[] x = new int[16];

    public ChaCha20HeaderProtection(byte[] hpKey) {
        if (hpKey.length != 32) {
            throw new IllegalArgumentException("ChaCha20 header protection key must be 32 bytes, got " + hpKey.length);
        }
        for (int i = 0; i < 8; i++) {
            key[i] = le32(hpKey, 4 * i);
        }
    }

    private static int le32(byte[] b, int o) {
        return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24;
    }

    @Override
    public void mask(byte[] sample, int off, byte[] mask) {
        int[] s = state;
        s[0] = 0x61707865;
        s[1] = 0x3320646e;
        s[2] = 0x79622d32;
        s[3] = 0x6b206574;
        System.arraycopy(key, 0, s, 4, 8);
        s[12] = le32(sample, off);
        s[13] = le32(sample, off + 4);
        s[14] = le32(sample, off + 8);
        s[15] = le32(sample, off + 12);
        int[] w = x;
        System.arraycopy(s, 0, w, 0, 16);
        for (int i = 0; i < 10; i++) {
            quarter(w, 0, 4, 8, 12);
            quarter(w, 1, 5, 9, 13);
            quarter(w, 2, 6, 10, 14);
            quarter(w, 3, 7, 11, 15);
            quarter(w, 0, 5, 10, 15);
            quarter(w, 1, 6, 11, 12);
            quarter(w, 2, 7, 8, 13);
            quarter(w, 3, 4, 9, 14);
        }
        int w0 = w[0] + s[0];
        int w1 = w[1] + s[1];
        mask[0] = (byte) w0;
        mask[1] = (byte) (w0 >>> 8);
        mask[2] = (byte) (w0 >>> 16);
        mask[3] = (byte) (w0 >>> 24);
        mask[4] = (byte) w1;
    }

    private static void quarter(int[] w, int a, int b, int c, int d) {
        w[a] += w[b];
        w[d] = Integer.rotateLeft(w[d] ^ w[a], 16);
        w[c] += w[d];
        w[b] = Integer.rotateLeft(w[b] ^ w[c], 12);
        w[a] += w[b];
        w[d] = Integer.rotateLeft(w[d] ^ w[a], 8);
        w[c] += w[d];
        w[b] = Integer.rotateLeft(w[b] ^ w[c], 7);
    }
}
