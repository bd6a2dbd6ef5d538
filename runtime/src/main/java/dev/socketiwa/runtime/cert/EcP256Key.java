package dev.socketiwa.runtime.cert;

import java.io.IOException;
import java.math.BigInteger;

import dev.socketiwa.quic.crypto.RandomSource;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * An ECDSA P-256 key pair: generation from a {@link RandomSource}, PKCS#8 / SEC 1 encoding and SHA-256 signatures.
 *
 * <p>Signatures use deterministic nonces (RFC 6979), so signing needs no randomness: the same code works in the wasm
 * build, where no SecureRandom provider is wired into Bouncy Castle.
 */
public final class EcP256Key {
    static final ASN1ObjectIdentifier CURVE_OID = SECObjectIdentifiers.secp256r1;
    static final AlgorithmIdentifier KEY_ALGORITHM =
            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, CURVE_OID);
    private static final X9ECParameters CURVE = CustomNamedCurves.getByOID(CURVE_OID);
    static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE);

    private final BigInteger d;
    private final ECPoint q;

    private EcP256Key(BigInteger d) {
        this.d = d;
        this.q = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
    }

    /** A fresh key: 32 random bytes, retried in the (2^-32 likely) case they are 0 or not below the group order. */
    public static EcP256Key generate(RandomSource random) {
        byte[] bytes = new byte[32];
        BigInteger n = DOMAIN.getN();
        for (int attempt = 0; attempt < 64; attempt++) {
            random.nextBytes(bytes, 0, bytes.length);
            BigInteger candidate = new BigInteger(1, bytes);
            if (candidate.signum() > 0 && candidate.compareTo(n) < 0) {
                return new EcP256Key(candidate);
            }
        }
        throw new IllegalStateException("the random source keeps returning out-of-range values: is it broken?");
    }

    /** The public key as it appears in a certificate (uncompressed point). */
    public SubjectPublicKeyInfo subjectPublicKeyInfo() {
        return new SubjectPublicKeyInfo(KEY_ALGORITHM, q.getEncoded(false));
    }

    /** Uncompressed SEC 1 point, 65 bytes starting with 0x04. */
    public byte[] publicKeyUncompressed() {
        return q.getEncoded(false);
    }

    /** For Bouncy Castle signers (e.g. the TLS CertificateVerify). */
    public ECPrivateKeyParameters privateKeyParameters() {
        return new ECPrivateKeyParameters(d, DOMAIN);
    }

    /** ECDSA over SHA-256 of {@code message}, DER-encoded (SEQUENCE of r, s) as X.509 and TLS 1.3 carry it. */
    public byte[] signSha256(byte[] message) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(message, 0, message.length);
        byte[] hash = new byte[32];
        digest.doFinal(hash, 0);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateKeyParameters());
        BigInteger[] rs = signer.generateSignature(hash);
        try {
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(rs[0]), new ASN1Integer(rs[1])})
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding of a signature failed", e);
        }
    }

    /** PKCS#8 PrivateKeyInfo (the "PRIVATE KEY" PEM that openssl and the JDK read), with the public key included. */
    public byte[] toPkcs8Der() {
        try {
            ECPrivateKey inner = new ECPrivateKey(256, d, new DERBitString(q.getEncoded(false)), null);
            return new PrivateKeyInfo(KEY_ALGORITHM, inner).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding of a private key failed", e);
        }
    }

    /** Reads a PKCS#8 EC private key; only P-256 is accepted. */
    public static EcP256Key fromPkcs8Der(byte[] der) {
        PrivateKeyInfo info;
        ECPrivateKey inner;
        try {
            info = PrivateKeyInfo.getInstance(der);
            AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
            if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())) {
                throw new CertificateFormatException("private key is not an EC key (algorithm "
                        + algorithm.getAlgorithm().getId() + "); an ECDSA P-256 key is required");
            }
            if (!CURVE_OID.equals(algorithm.getParameters())) {
                throw new CertificateFormatException("EC private key is not on P-256 (curve "
                        + describeCurve(algorithm.getParameters()) + "); WebTransport certificate hashes need P-256");
            }
            inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        } catch (CertificateFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CertificateFormatException("not a PKCS#8 private key: " + e.getMessage(), e);
        }
        return fromScalar(inner.getKey());
    }

    /** Reads an RFC 5915 / SEC 1 "EC PRIVATE KEY" (what {@code openssl ecparam -genkey} writes). */
    public static EcP256Key fromSec1Der(byte[] der) {
        ECPrivateKey key;
        try {
            key = ECPrivateKey.getInstance(der);
        } catch (RuntimeException e) {
            throw new CertificateFormatException("not an EC PRIVATE KEY: " + e.getMessage(), e);
        }
        Object params = key.getParametersObject();
        if (params != null && !CURVE_OID.equals(params)) {
            throw new CertificateFormatException("EC private key is not on P-256 (curve " + describeCurve(params) + ")");
        }
        return fromScalar(key.getKey());
    }

    // Never concatenate ASN.1 objects into messages: their toString reaches SimpleDateFormat, absent from wasm.
    private static String describeCurve(Object parameters) {
        return parameters instanceof ASN1ObjectIdentifier ? ((ASN1ObjectIdentifier) parameters).getId()
                : "explicit or missing parameters";
    }

    private static EcP256Key fromScalar(BigInteger scalar) {
        if (scalar.signum() <= 0 || scalar.compareTo(DOMAIN.getN()) >= 0) {
            throw new CertificateFormatException("EC private key value is out of range for P-256");
        }
        return new EcP256Key(scalar);
    }

    /** True when {@code info} is this key's public half. */
    public boolean matches(SubjectPublicKeyInfo info) {
        if (!KEY_ALGORITHM.equals(info.getAlgorithm())) {
            return false;
        }
        byte[] theirs = info.getPublicKeyData().getBytes();
        try {
            return DOMAIN.getCurve().decodePoint(theirs).equals(q);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
