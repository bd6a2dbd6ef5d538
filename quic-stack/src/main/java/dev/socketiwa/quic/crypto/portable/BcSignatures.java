package dev.socketiwa.quic.crypto.portable;

import dev.socketiwa.quic.crypto.SignatureScheme;
import dev.socketiwa.quic.crypto.Signer;
import dev.socketiwa.quic.crypto.VerificationKey;
import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PSSSigner;

/** Certificate public keys and PKCS#8 signers on BC's ASN.1 and lightweight signature classes (no JCA, wasm-safe). */
final class BcSignatures {
    private static final ECDomainParameters P256 = new ECDomainParameters(BcKeyShares.P256);
    private static final ASN1ObjectIdentifier PRIME256V1 = X9ObjectIdentifiers.prime256v1;
    /** RFC 8410 id-Ed25519 (BC keeps its constant in an internal package). */
    private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    private BcSignatures() {
    }

    static VerificationKey publicKeyOf(byte[] der) {
        try {
            SubjectPublicKeyInfo spki = Certificate.getInstance(ASN1Sequence.fromByteArray(der)).getSubjectPublicKeyInfo();
            AlgorithmIdentifier alg = spki.getAlgorithm();
            ASN1ObjectIdentifier oid = alg.getAlgorithm();
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid) && PRIME256V1.equals(alg.getParameters())) {
                byte[] point = spki.getPublicKeyData().getOctets();
                return new EcKey(new ECPublicKeyParameters(P256.getCurve().decodePoint(point), P256));
            }
            if (ID_ED25519.equals(oid)) {
                return new EdKey(new Ed25519PublicKeyParameters(spki.getPublicKeyData().getOctets(), 0));
            }
            if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
                RSAPublicKey k = RSAPublicKey.getInstance(spki.parsePublicKey());
                return new RsaKey(new RSAKeyParameters(false, k.getModulus(), k.getPublicExponent()));
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Signer signer(byte[] pkcs8) {
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(ASN1Sequence.fromByteArray(pkcs8));
            ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)
                    && PRIME256V1.equals(info.getPrivateKeyAlgorithm().getParameters())) {
                BigInteger d = ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
                return new EcSigner(new ECPrivateKeyParameters(d, P256));
            }
            if (ID_ED25519.equals(oid)) {
                byte[] raw = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
                return new EdSigner(new Ed25519PrivateKeyParameters(raw, 0));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The private key is not a readable PKCS#8 DER key (" + e.getMessage()
                    + "); give an EC P-256 or Ed25519 key in PKCS#8 DER form", e);
        }
        throw new IllegalArgumentException("Unsupported private key algorithm "
                + info.getPrivateKeyAlgorithm().getAlgorithm() + "; give an EC P-256 (secp256r1) or Ed25519 key");
    }

    static byte[] sha256(byte[] data, int off, int len) {
        SHA256Digest d = new SHA256Digest();
        d.update(data, off, len);
        byte[] h = new byte[32];
        d.doFinal(h, 0);
        return h;
    }

    private record EcKey(ECPublicKeyParameters key) implements VerificationKey {
        @Override
        public boolean supports(SignatureScheme scheme) {
            return scheme == SignatureScheme.ECDSA_SECP256R1_SHA256;
        }

        @Override
        public boolean verify(SignatureScheme scheme, byte[] data, int off, int len, byte[] sig) {
            if (!supports(scheme)) {
                return false;
            }
            try {
                ASN1Sequence seq = ASN1Sequence.getInstance(sig);
                // Re-encoding must give the same bytes: only strict DER signatures are accepted.
                if (seq.size() != 2 || !java.util.Arrays.equals(seq.getEncoded(ASN1Encoding.DER), sig)) {
                    return false;
                }
                BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
                BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
                ECDSASigner v = new ECDSASigner();
                v.init(false, key);
                return v.verifySignature(sha256(data, off, len), r, s);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }

    private record EdKey(Ed25519PublicKeyParameters key) implements VerificationKey {
        @Override
        public boolean supports(SignatureScheme scheme) {
            return scheme == SignatureScheme.ED25519;
        }

        @Override
        public boolean verify(SignatureScheme scheme, byte[] data, int off, int len, byte[] sig) {
            if (!supports(scheme)) {
                return false;
            }
            try {
                Ed25519Signer v = new Ed25519Signer();
                v.init(false, key);
                v.update(data, off, len);
                return v.verifySignature(sig);
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    private record RsaKey(RSAKeyParameters key) implements VerificationKey {
        @Override
        public boolean supports(SignatureScheme scheme) {
            return scheme == SignatureScheme.RSA_PSS_RSAE_SHA256;
        }

        @Override
        public boolean verify(SignatureScheme scheme, byte[] data, int off, int len, byte[] sig) {
            if (!supports(scheme)) {
                return false;
            }
            try {
                PSSSigner v = new PSSSigner(new RSAEngine(), new SHA256Digest(), 32);
                v.init(false, key);
                v.update(data, off, len);
                return v.verifySignature(sig);
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    private record EcSigner(ECPrivateKeyParameters key) implements Signer {
        @Override
        public SignatureScheme scheme() {
            return SignatureScheme.ECDSA_SECP256R1_SHA256;
        }

        @Override
        public byte[] sign(byte[] data, int off, int len) {
            // Deterministic k (RFC 6979): no randomness needed, so signing stays sans-IO.
            ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            s.init(true, key);
            BigInteger[] rs = s.generateSignature(sha256(data, off, len));
            try {
                return new DERSequence(new ASN1Encodable[] {new ASN1Integer(rs[0]), new ASN1Integer(rs[1])})
                        .getEncoded(ASN1Encoding.DER);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private record EdSigner(Ed25519PrivateKeyParameters key) implements Signer {
        @Override
        public SignatureScheme scheme() {
            return SignatureScheme.ED25519;
        }

        @Override
        public byte[] sign(byte[] data, int off, int len) {
            Ed25519Signer s = new Ed25519Signer();
            s.init(true, key);
            s.update(data, off, len);
            return s.generateSignature();
        }
    }
}
