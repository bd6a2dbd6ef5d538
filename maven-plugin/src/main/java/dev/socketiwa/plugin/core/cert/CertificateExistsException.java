package dev.socketiwa.plugin.core.cert;

/** The output files exist and overwriting was not asked for. */
public class CertificateExistsException extends Exception {
    private static final long serialVersionUID = 1L;

    public CertificateExistsException(String message) {
        super(message);
    }
}
