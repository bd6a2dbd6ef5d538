package dev.socketiwa.plugin.core.keys;

import dev.socketiwa.plugin.core.bundle.BundleException;
import dev.socketiwa.plugin.core.sign.EcdsaP256SigningKey;
import dev.socketiwa.plugin.core.sign.Ed25519SigningKey;
import dev.socketiwa.plugin.core.sign.SigningKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

import java.security.SecureRandom;
import java.util.Locale;

/** Turns PKCS#8 key material into a {@link SigningKey}, and makes new keys. Only Ed25519 and ECDSA P-256 sign IWAs. */
public final class SigningKeys {
    private SigningKeys() {
    }

    public static SigningKey generate(KeyType type, SecureRandom random) {
        if (type == KeyType.ED25519) {
            return new Ed25519SigningKey(new Ed25519PrivateKeyParameters(random));
        }
        ECKeyPairGenerator gen = new ECKeyPairGenerator();
        gen.init(new ECKeyGenerationParameters(EcdsaP256SigningKey.DOMAIN, random));
        AsymmetricCipherKeyPair pair = gen.generateKeyPair();
        return new EcdsaP256SigningKey(((ECPrivateKeyParameters) pair.getPrivate()).getD());
    }

    /** {@code source} names the key's origin (a file) in messages. */
    public static SigningKey fromPrivateKeyInfo(PrivateKeyInfo info, String source) throws BundleException {
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        try {
            if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
                return new Ed25519SigningKey((Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(info));
            }
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
                Object params = info.getPrivateKeyAlgorithm().getParameters();
                if (!(params instanceof ASN1ObjectIdentifier curve)) {
                    throw unsupported(source, "an EC key with explicit curve parameters");
                }
                if (!SECObjectIdentifiers.secp256r1.equals(curve)) {
                    String name = ECNamedCurveTable.getName(curve);
                    throw unsupported(source, "an EC key on curve " + (name != null ? name : curve.getId()));
                }
                ECPrivateKeyParameters ec = (ECPrivateKeyParameters) PrivateKeyFactory.createKey(info);
                return new EcdsaP256SigningKey(ec.getD());
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new BundleException("The key " + source + " is damaged (" + e.getMessage()
                    + "). Use an intact key file, or create a new one with mvn socketiwa:keygen.", e);
        }
        throw unsupported(source, describe(algorithm));
    }

    private static String describe(ASN1ObjectIdentifier algorithm) {
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            return "an RSA key";
        }
        if (EdECObjectIdentifiers.id_Ed448.equals(algorithm)) {
            return "an Ed448 key";
        }
        if (EdECObjectIdentifiers.id_X25519.equals(algorithm) || EdECObjectIdentifiers.id_X448.equals(algorithm)) {
            return "a key-agreement (X25519/X448) key";
        }
        return "a key of algorithm " + algorithm.getId();
    }

    static BundleException unsupported(String source, String what) {
        return new BundleException("The key " + source + " is " + what + ", but Signed Web Bundles are signed with Ed25519 or"
                + " ECDSA P-256 only. Create one with mvn socketiwa:keygen (-Dsocketiwa.keyType=ed25519|p256) or"
                + " openssl genpkey -algorithm Ed25519.");
    }

    /** Key types keygen can make. */
    public enum KeyType {
        ED25519, P256;

        public static KeyType parse(String text) throws BundleException {
            String t = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            switch (t) {
                case "ed25519":
                    return ED25519;
                case "p256":
                case "ecdsap256":
                case "secp256r1":
                case "prime256v1":
                    return P256;
                default:
                    throw new BundleException("Unknown key type '" + text + "': use ed25519 (default) or p256.");
            }
        }
    }
}
