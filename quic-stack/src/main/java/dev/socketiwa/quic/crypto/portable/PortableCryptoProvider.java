package dev.socketiwa.quic.crypto.portable;

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
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The provider that compiles to WebAssembly: Bouncy Castle's lightweight API only (no JCA, no java.security
 * providers). Also runs on the JVM, where the JCA provider is faster for AES-GCM.
 */
public final class PortableCryptoProvider implements CryptoProvider {
    private final RandomSource random;

    public PortableCryptoProvider(RandomSource random) {
        this.random = random;
    }

    /** With the platform's SecureRandom. */
    public PortableCryptoProvider() {
        this(new SecureRandomSource());
    }

    @Override
    public Aead aead(CipherSuite suite, byte[] key) {
        if (key.length != suite.keyLength()) {
            throw new IllegalArgumentException(suite + " needs a " + suite.keyLength() + "-byte key, got " + key.length);
        }
        return suite == CipherSuite.TLS_CHACHA20_POLY1305_SHA256 ? new BcChaCha20Poly1305(suite, key) : new PortableAesGcm(key);
    }

    @Override
    public HeaderProtectionCipher headerProtection(CipherSuite suite, byte[] hpKey) {
        return suite == CipherSuite.TLS_CHACHA20_POLY1305_SHA256
                ? new ChaCha20HeaderProtection(hpKey)
                : new BcAesHeaderProtection(hpKey);
    }

    private static Digest digest(int hashLength) {
        if (hashLength == 32) {
            return new SHA256Digest();
        }
        if (hashLength == 48) {
            return new SHA384Digest();
        }
        throw new IllegalArgumentException("no hash with output length " + hashLength);
    }

    @Override
    public byte[] hmac(int hashLength, byte[] key, byte[] data, int off, int len) {
        HMac mac = new HMac(digest(hashLength));
        mac.init(new KeyParameter(key));
        mac.update(data, off, len);
        byte[] out = new byte[hashLength];
        mac.doFinal(out, 0);
        return out;
    }

    @Override
    public byte[] hash(int hashLength, byte[] data, int off, int len) {
        Digest d = digest(hashLength);
        d.update(data, off, len);
        byte[] out = new byte[hashLength];
        d.doFinal(out, 0);
        return out;
    }

    @Override
    public KeyShare generateKeyShare(NamedGroup group) {
        return BcKeyShares.generate(group, random);
    }

    @Override
    public VerificationKey publicKeyOf(byte[] certificateDer) {
        return BcSignatures.publicKeyOf(certificateDer);
    }

    @Override
    public Signer signer(byte[] pkcs8PrivateKey) {
        return BcSignatures.signer(pkcs8PrivateKey);
    }

    @Override
    public RandomSource random() {
        return random;
    }
}
