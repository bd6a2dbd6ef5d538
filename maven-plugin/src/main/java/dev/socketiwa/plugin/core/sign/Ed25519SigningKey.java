package dev.socketiwa.plugin.core.sign;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Ed25519 signing (deterministic, so the same bundle and key give the same bytes). */
public final class Ed25519SigningKey implements SigningKey {
    private static final byte[] SUFFIX = {0x00, 0x01, 0x02};

    private final Ed25519PrivateKeyParameters key;

    public Ed25519SigningKey(Ed25519PrivateKeyParameters key) {
        this.key = key;
    }

    @Override
    public String publicKeyAttributeName() {
        return "ed25519PublicKey";
    }

    @Override
    public byte[] rawPublicKey() {
        return key.generatePublicKey().getEncoded();
    }

    @Override
    public byte[] webBundleIdSuffix() {
        return SUFFIX.clone();
    }

    @Override
    public byte[] sign(byte[] data) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(data, 0, data.length);
        return signer.generateSignature();
    }

    @Override
    public byte[] pkcs8() {
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String typeName() {
        return "Ed25519";
    }
}
