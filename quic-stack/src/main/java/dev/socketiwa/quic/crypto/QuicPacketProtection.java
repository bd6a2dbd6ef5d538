package dev.socketiwa.quic.crypto;

/**
 * {@link PacketProtection} assembled from a provider's AEAD and header-protection cipher. Keeps one nonce buffer, so it
 * allocates nothing per packet itself (what the provider's cipher allocates is documented there). Not thread-safe.
 */
public final class QuicPacketProtection implements PacketProtection {
    private final CryptoProvider provider;
    private final CipherSuite suite;
    private final byte[] secret;
    private final byte[] iv;
    private final Aead aead;
    private final HeaderProtectionCipher hp;
    private final byte[] nonce;

    private QuicPacketProtection(CryptoProvider provider, CipherSuite suite, byte[] secret, byte[] key, byte[] iv,
                                 HeaderProtectionCipher hp) {
        this.provider = provider;
        this.suite = suite;
        this.secret = secret;
        this.iv = iv;
        this.aead = provider.aead(suite, key);
        this.hp = hp;
        this.nonce = new byte[iv.length];
    }

    /** Derives quic key / iv / hp from the traffic secret (RFC 9001 §5.1). */
    public static QuicPacketProtection fromSecret(CryptoProvider p, CipherSuite suite, byte[] secret) {
        int h = suite.hashLength();
        byte[] key = Hkdf.expandLabel(p, h, secret, "quic key", null, suite.keyLength());
        byte[] iv = Hkdf.expandLabel(p, h, secret, "quic iv", null, suite.ivLength());
        byte[] hpKey = Hkdf.expandLabel(p, h, secret, "quic hp", null, suite.keyLength());
        return new QuicPacketProtection(p, suite, secret.clone(), key, iv, p.headerProtection(suite, hpKey));
    }

    @Override
    public CipherSuite suite() {
        return suite;
    }

    @Override
    public int tagLength() {
        return suite.tagLength();
    }

    private byte[] nonceFor(long pn) {
        byte[] n = nonce;
        int len = n.length;
        System.arraycopy(iv, 0, n, 0, len);
        for (int i = 0; i < 8; i++) {
            n[len - 1 - i] ^= (byte) (pn >>> (8 * i));
        }
        return n;
    }

    @Override
    public int seal(long packetNumber, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        return aead.seal(nonceFor(packetNumber), aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public int open(long packetNumber, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        if (in == null || inLen < suite.tagLength() || inOff < 0 || inOff + inLen > in.length) {
            return -1;
        }
        return aead.open(nonceFor(packetNumber), aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public void headerProtectionMask(byte[] sample, int off, byte[] mask) {
        hp.mask(sample, off, mask);
    }

    @Override
    public PacketProtection nextKeyPhase() {
        int h = suite.hashLength();
        byte[] next = Hkdf.expandLabel(provider, h, secret, "quic ku", null, h);
        byte[] key = Hkdf.expandLabel(provider, h, next, "quic key", null, suite.keyLength());
        byte[] nextIv = Hkdf.expandLabel(provider, h, next, "quic iv", null, suite.ivLength());
        return new QuicPacketProtection(provider, suite, next, key, nextIv, hp);
    }
}
