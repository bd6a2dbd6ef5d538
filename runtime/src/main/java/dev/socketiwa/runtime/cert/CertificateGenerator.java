package dev.socketiwa.runtime.cert;

import java.io.IOException;
import java.math.BigInteger;

import dev.socketiwa.quic.crypto.RandomSource;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.digests.SHA1Digest;

/**
 * Self-signed ECDSA P-256 X.509 v3 certificates of the kind WebTransport's {@code serverCertificateHashes} accepts:
 * ecdsa-with-SHA256, validity at most 14 days, CA=false, key usage digitalSignature, extended key usage serverAuth, and
 * the subject alternative names asked for. The browser checks only the hash, key type and validity; the extensions make
 * the same certificate acceptable to ordinary TLS clients (curl --insecure, ngtcp2, quic-go) and to openssl.
 */
public final class CertificateGenerator {
    static final AlgorithmIdentifier ECDSA_WITH_SHA256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

    private final RandomSource random;

    public CertificateGenerator(RandomSource random) {
        if (random == null) {
            throw new IllegalArgumentException("a RandomSource is required");
        }
        this.random = random;
    }

    /** A new key and certificate valid from {@code nowMillis} (truncated to the second) for the request's validity. */
    public ServerCertificate generate(CertificateRequest request, long nowMillis) {
        EcP256Key key = EcP256Key.generate(random);
        long notBefore = Math.floorDiv(nowMillis, 1000L) * 1000L;
        long notAfter = notBefore + request.validityMillis();
        X500Name name = Subjects.toX500Name(request.subject());
        SubjectPublicKeyInfo publicKey = key.subjectPublicKeyInfo();

        V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
        tbs.setSerialNumber(new ASN1Integer(randomSerial()));
        tbs.setSignature(ECDSA_WITH_SHA256);
        tbs.setIssuer(name);
        tbs.setSubject(name);
        tbs.setStartDate(Asn1Times.toTime(notBefore));
        tbs.setEndDate(Asn1Times.toTime(notAfter));
        tbs.setSubjectPublicKeyInfo(publicKey);
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            extensions.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            extensions.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            extensions.addExtension(Extension.subjectAlternativeName, false,
                    SubjectAltNames.toGeneralNames(request.subjectAltNames()));
            extensions.addExtension(Extension.subjectKeyIdentifier, false, keyIdentifier(publicKey));
            tbs.setExtensions(extensions.generate());

            TBSCertificate toSign = tbs.generateTBSCertificate();
            byte[] signature = key.signSha256(toSign.getEncoded(ASN1Encoding.DER));
            byte[] der = new DERSequence(new ASN1Encodable[] {toSign, ECDSA_WITH_SHA256, new DERBitString(signature)})
                    .getEncoded(ASN1Encoding.DER);
            return ServerCertificate.fromDer(der, key);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding of the certificate failed", e);
        }
    }

    /** 127 random bits: positive, non-zero and within RFC 5280's 20 octets, unpredictable as CAs do it. */
    private BigInteger randomSerial() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes, 0, bytes.length);
        bytes[0] &= 0x7f;
        BigInteger serial = new BigInteger(1, bytes);
        return serial.signum() == 0 ? BigInteger.ONE : serial;
    }

    /** RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits (an identifier, not a security property). */
    private static SubjectKeyIdentifier keyIdentifier(SubjectPublicKeyInfo info) {
        byte[] bits = info.getPublicKeyData().getBytes();
        SHA1Digest sha1 = new SHA1Digest();
        sha1.update(bits, 0, bits.length);
        byte[] id = new byte[20];
        sha1.doFinal(id, 0);
        return new SubjectKeyIdentifier(id);
    }
}
