package dev.socketiwa.quic.crypto.jca;

import dev.socketiwa.quic.crypto.Aead;
import dev.socketiwa.quic.crypto.ChaCha20HeaderProtection;
import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.HeaderProtectionCipher;
import dev.socketiwa.quic.crypto.KeyShare;
import dev.socketiwa.quic.crypto.NamedGroup;
import dev.socketiwa.quic.crypto.RandomSource;
import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.quic.crypto.Signer;
import dev.socketiwa.quic.crypto.VerificationKey;
import dev.socketiwa.quic.crypto.portable.PortableCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * JVM-only provider: the JDK's JCA for the per-packet symmetric work (AEAD, AES header protection) and for HMAC/hash,
 * where its intrinsics are far faster than Bouncy Castle. The once-per-handshake asymmetric operations (key shares,
 * certificate keys, signing) are delegated to the portable implementation: they cost the same on the JVM and keeping
 * one implementation avoids two sets of encoding edge cases. Never referenced from portable code.
 */
public final class JcaCryptoProvider implements CryptoProvider {
    private final PortableCryptoProvider asymmetric;
    /** JCA lookups cost microseconds and a handshake does dozens of HMACs: keep one engine per thread and hash. */
    private static final ThreadLocal<Mac[]> MACS = ThreadLocal.withInitial(() -> new Mac[2]);
    private static final ThreadLocal<MessageDigest[]> DIGESTS = ThreadLocal.withInitial(() -> new MessageDigest[2]);

    public JcaCryptoProvider(RandomSource random) {
        this.asymmetric = new PortableCryptoProvider(random);
    }

    public JcaCryptoProvider() {
        this(new SecureRandomSource());
    }

    @Override
    public Aead aead(CipherSuite suite, byte[] key) {
        // JDK 17's ChaCha20-Poly1305 refuses a second init with the same key and nonce even to decrypt, so a forged
        // packet carrying a genuine packet's number would make the genuine one undecryptable. BC's is as fast here.
        return suite == CipherSuite.TLS_CHACHA20_POLY1305_SHA256 ? asymmetric.aead(suite, key) : new JcaAead(suite, key);
    }

    @Override
    public HeaderProtectionCipher headerProtection(CipherSuite suite, byte[] hpKey) {
        return suite == CipherSuite.TLS_CHACHA20_POLY1305_SHA256
                ? new ChaCha20HeaderProtection(hpKey)
                : new JcaAesHeaderProtection(hpKey);
    }

    private static String hashName(int hashLength) {
        if (hashLength == 32) {
            return "SHA256";
        }
        if (hashLength == 48) {
            return "SHA384";
        }
        throw new IllegalArgumentException("no hash with output length " + hashLength);
    }

    private static int slot(int hashLength) {
        if (hashLength == 32) {
            return 0;
        }
        if (hashLength == 48) {
            return 1;
        }
        throw new IllegalArgumentException("no hash with output length " + hashLength);
    }

    @Override
    public byte[] hmac(int hashLength, byte[] key, byte[] data, int off, int len) {
        String alg = "Hmac" + hashName(hashLength);
        try {
            Mac[] macs = MACS.get();
            int i = slot(hashLength);
            if (macs[i] == null) {
                macs[i] = Mac.getInstance(alg);
            }
            Mac mac = macs[i];
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[hashLength] : key, alg));
            mac.update(data, off, len);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(alg + " unavailable", e);
        }
    }

    @Override
    public byte[] hash(int hashLength, byte[] data, int off, int len) {
        try {
            MessageDigest[] mds = DIGESTS.get();
            int i = slot(hashLength);
            if (mds[i] == null) {
                mds[i] = MessageDigest.getInstance(i == 0 ? "SHA-256" : "SHA-384");
            }
            MessageDigest md = mds[i];
            md.update(data, off, len);
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-2 unavailable", e);
        }
    }

    @Override
    public KeyShare generateKeyShare(NamedGroup group) {
        return asymmetric.generateKeyShare(group);
    }

    @Override
    public VerificationKey publicKeyOf(byte[] certificateDer) {
        return asymmetric.publicKeyOf(certificateDer);
    }

    @Override
    public Signer signer(byte[] pkcs8PrivateKey) {
        return asymmetric.signer(pkcs8PrivateKey);
    }

    @Override
    public RandomSource random() {
        return asymmetric.random();
    }
}
