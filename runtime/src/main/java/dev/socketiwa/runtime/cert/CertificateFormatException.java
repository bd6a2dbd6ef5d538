package dev.socketiwa.runtime.cert;

/** A certificate or key (PEM or DER) that cannot be used: the message says what is wrong and what was expected. */
public class CertificateFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CertificateFormatException(String message) {
        super(message);
    }

    public CertificateFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
