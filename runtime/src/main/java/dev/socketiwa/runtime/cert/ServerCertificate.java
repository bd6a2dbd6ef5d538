package dev.socketiwa.runtime.cert;

import java.util.Arrays;

import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * A certificate (DER) with its private key, checked to be usable with WebTransport serverCertificateHashes: v3, ECDSA
 * P-256, validity at most 14 days, and the key matching the certificate. Immutable; getters return copies.
 *
 * <p>Holds the private key: hand {@link #published()} (hash and validity only) to pages and apps, never this object.
 */
public final class ServerCertificate {
    private final byte[] der;
    private final EcP256Key key;
    private final long notBeforeMillis;
    private final long notAfterMillis;
    private final byte[] sha256;

    private ServerCertificate(byte[] der, EcP256Key key, long notBeforeMillis, long notAfterMillis) {
        this.der = der;
        this.key = key;
        this.notBeforeMillis = notBeforeMillis;
        this.notAfterMillis = notAfterMillis;
        SHA256Digest digest = new SHA256Digest();
        digest.update(der, 0, der.length);
        this.sha256 = new byte[32];
        digest.doFinal(sha256, 0);
    }

    /** Checks and wraps a DER certificate and its key; any problem is a {@link CertificateFormatException}. */
    public static ServerCertificate fromDer(byte[] certificateDer, EcP256Key key) {
        Certificate certificate;
        try {
            certificate = Certificate.getInstance(certificateDer);
        } catch (RuntimeException e) {
            throw new CertificateFormatException("not a DER X.509 certificate: " + e.getMessage(), e);
        }
        if (certificate == null) {
            throw new CertificateFormatException("not a DER X.509 certificate: empty input");
        }
        TBSCertificate tbs = certificate.getTBSCertificate();
        if (tbs.getVersionNumber() != 3) {
            throw new CertificateFormatException("certificate is X.509 v" + tbs.getVersionNumber()
                    + "; WebTransport serverCertificateHashes needs v3");
        }
        SubjectPublicKeyInfo publicKey = tbs.getSubjectPublicKeyInfo();
        if (!EcP256Key.KEY_ALGORITHM.equals(publicKey.getAlgorithm())) {
            throw new CertificateFormatException("certificate key is not ECDSA P-256 (" + publicKey.getAlgorithm()
                    .getAlgorithm().getId() + "); WebTransport serverCertificateHashes needs P-256");
        }
        if (!key.matches(publicKey)) {
            throw new CertificateFormatException("the private key does not belong to this certificate");
        }
        long notBefore = Asn1Times.toMillis(tbs.getStartDate());
        long notAfter = Asn1Times.toMillis(tbs.getEndDate());
        if (notAfter <= notBefore) {
            throw new CertificateFormatException("certificate validity ends before it starts");
        }
        if (notAfter - notBefore > CertificateRequest.MAX_VALIDITY_MILLIS) {
            throw new CertificateFormatException("certificate is valid for " + (notAfter - notBefore) / 3_600_000L
                    + " hours, more than the 14 days WebTransport serverCertificateHashes accepts");
        }
        return new ServerCertificate(certificateDer.clone(), key, notBefore, notAfter);
    }

    /** Reads a "CERTIFICATE" PEM and a "PRIVATE KEY" (PKCS#8) or "EC PRIVATE KEY" (SEC 1) PEM. */
    public static ServerCertificate fromPem(String certificatePem, String privateKeyPem) {
        byte[] certificateDer;
        try {
            certificateDer = Pem.decode(Pem.CERTIFICATE, certificatePem);
        } catch (CertificateFormatException e) {
            throw new CertificateFormatException("certificate PEM: " + e.getMessage(), e);
        }
        EcP256Key key;
        try {
            if (privateKeyPem != null && privateKeyPem.contains("-----BEGIN EC PRIVATE KEY-----")) {
                key = EcP256Key.fromSec1Der(Pem.decode("EC PRIVATE KEY", privateKeyPem));
            } else {
                key = EcP256Key.fromPkcs8Der(Pem.decode(Pem.PRIVATE_KEY, privateKeyPem));
            }
        } catch (CertificateFormatException e) {
            throw new CertificateFormatException("private key PEM: " + e.getMessage(), e);
        }
        return fromDer(certificateDer, key);
    }

    public byte[] der() {
        return der.clone();
    }

    public String certificatePem() {
        return Pem.encode(Pem.CERTIFICATE, der);
    }

    /** PKCS#8 "PRIVATE KEY" PEM. Secret: store it where only the server reads it, never in a bundle. */
    public String privateKeyPem() {
        return Pem.encode(Pem.PRIVATE_KEY, key.toPkcs8Der());
    }

    public EcP256Key key() {
        return key;
    }

    public long notBeforeMillis() {
        return notBeforeMillis;
    }

    public long notAfterMillis() {
        return notAfterMillis;
    }

    /** True when a browser with this clock accepts the validity period. */
    public boolean isValidAt(long millis) {
        return millis >= notBeforeMillis && millis < notAfterMillis;
    }

    public byte[] sha256() {
        return sha256.clone();
    }

    public boolean hasSameHash(ServerCertificate other) {
        return other != null && Arrays.equals(sha256, other.sha256);
    }

    /** What a page or app may see: the hash and validity, no key. */
    public PublishedCertificate published() {
        return new PublishedCertificate(sha256, notBeforeMillis, notAfterMillis);
    }
}
