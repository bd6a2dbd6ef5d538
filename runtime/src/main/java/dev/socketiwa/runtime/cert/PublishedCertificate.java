package dev.socketiwa.runtime.cert;

import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** The public face of a server certificate: its SHA-256 hash and validity, as pages and clients need them. */
public final class PublishedCertificate {
    private final byte[] sha256;
    private final long notBeforeMillis;
    private final long notAfterMillis;

    PublishedCertificate(byte[] sha256, long notBeforeMillis, long notAfterMillis) {
        this.sha256 = sha256.clone();
        this.notBeforeMillis = notBeforeMillis;
        this.notAfterMillis = notAfterMillis;
    }

    /**
     * The hash and validity of any DER X.509 certificate (also one that {@link ServerCertificate} would refuse, such as
     * Ed25519 or a long validity), for servers given a fixed certificate.
     */
    public static PublishedCertificate ofDer(byte[] certificateDer) {
        Certificate certificate;
        try {
            certificate = Certificate.getInstance(certificateDer);
        } catch (RuntimeException e) {
            throw new CertificateFormatException("not a DER X.509 certificate: " + e.getMessage(), e);
        }
        if (certificate == null) {
            throw new CertificateFormatException("not a DER X.509 certificate: empty input");
        }
        SHA256Digest digest = new SHA256Digest();
        digest.update(certificateDer, 0, certificateDer.length);
        byte[] hash = new byte[32];
        digest.doFinal(hash, 0);
        return new PublishedCertificate(hash, Asn1Times.toMillis(certificate.getStartDate()),
                Asn1Times.toMillis(certificate.getEndDate()));
    }

    public byte[] sha256() {
        return sha256.clone();
    }

    public String sha256Base64() {
        return Base64.getEncoder().encodeToString(sha256);
    }

    /** Lowercase hex without separators. */
    public String sha256Hex() {
        return CertificateHashes.hex(sha256);
    }

    public long notBeforeMillis() {
        return notBeforeMillis;
    }

    public long notAfterMillis() {
        return notAfterMillis;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublishedCertificate && Arrays.equals(sha256, ((PublishedCertificate) o).sha256)
                && notBeforeMillis == ((PublishedCertificate) o).notBeforeMillis
                && notAfterMillis == ((PublishedCertificate) o).notAfterMillis;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return "sha-256 " + sha256Hex() + " valid " + notBeforeMillis + ".." + notAfterMillis;
    }
}
