package dev.socketiwa.runtime.cert;

/** A certificate PEM and its private key PEM, as a store keeps them (unparsed: a store only moves text). */
public final class PemPair {
    private final String certificatePem;
    private final String privateKeyPem;

    public PemPair(String certificatePem, String privateKeyPem) {
        this.certificatePem = certificatePem;
        this.privateKeyPem = privateKeyPem;
    }

    public static PemPair of(ServerCertificate certificate) {
        return new PemPair(certificate.certificatePem(), certificate.privateKeyPem());
    }

    /** May be null or anything at all when the storage was damaged. */
    public String certificatePem() {
        return certificatePem;
    }

    /** May be null or anything at all when the storage was damaged. */
    public String privateKeyPem() {
        return privateKeyPem;
    }

    /** Parses both; a {@link CertificateFormatException} says what is wrong. */
    public ServerCertificate parse() {
        if (certificatePem == null) {
            throw new CertificateFormatException("the certificate is missing (only the private key is stored)");
        }
        if (privateKeyPem == null) {
            throw new CertificateFormatException("the private key is missing (only the certificate is stored)");
        }
        return ServerCertificate.fromPem(certificatePem, privateKeyPem);
    }
}
