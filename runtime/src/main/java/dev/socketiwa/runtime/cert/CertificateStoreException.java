package dev.socketiwa.runtime.cert;

/** The certificate storage could not be read or written, or holds content the lifecycle refuses to replace. */
public class CertificateStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CertificateStoreException(String message) {
        super(message);
    }

    public CertificateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
