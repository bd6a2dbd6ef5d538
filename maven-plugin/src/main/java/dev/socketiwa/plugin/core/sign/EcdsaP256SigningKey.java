package dev.socketiwa.plugin.core.sign;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

/**
 * ECDSA P-256 with SHA-256. The nonce is derived as in RFC 6979, so signing is deterministic and same inputs give the
 * same bundle bytes, like Ed25519 (verifiers cannot tell the difference).
 */
public final class EcdsaP256SigningKey implements SigningKey {
    public static final X9ECParameters P256 = ECNamedCurveTable.getByName("secp256r1");
    public static final ECDomainParameters DOMAIN = new ECDomainParameters(P256);
    private static final byte[] SUFFIX = {0x00, 0x02, 0x02};

    private final ECPrivateKeyParameters key;

    public EcdsaP256SigningKey(BigInteger d) {
        this.key = new ECPrivateKeyParameters(d, DOMAIN);
    }

    @Override
    public String publicKeyAttributeName() {
        return "ecdsaP256SHA256PublicKey";
    }

    @Override
    public byte[] rawPublicKey() {
        return DOMAIN.getG().multiply(key.getD()).normalize().getEncoded(true);
    }

    @Override
    public byte[] webBundleIdSuffix() {
        return SUFFIX.clone();
    }

    @Override
    public byte[] sign(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        byte[] hash = new byte[32];
        digest.doFinal(hash, 0);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(hash);
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(rs[0]));
        v.add(new ASN1Integer(rs[1]));
        try {
            return new DERSequence(v).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] pkcs8() {
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(
                    new ECPrivateKeyParameters(key.getD(), new org.bouncycastle.crypto.params.ECNamedDomainParameters(
                            org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1, P256))).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String typeName() {
        return "ECDSA P-256";
    }
}
