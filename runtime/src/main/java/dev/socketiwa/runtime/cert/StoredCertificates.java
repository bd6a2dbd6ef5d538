package dev.socketiwa.runtime.cert;

/** The content of a {@link CertificateStore}: the current certificate and, during a rotation, the next one. */
public final class StoredCertificates {
    private static final StoredCertificates EMPTY = new StoredCertificates(null, null);

    private final PemPair current;
    private final PemPair next;

    public StoredCertificates(PemPair current, PemPair next) {
        this.current = current;
        this.next = next;
    }

    public static StoredCertificates empty() {
        return EMPTY;
    }

    /** Null when nothing was stored yet. */
    public PemPair current() {
        return current;
    }

    /** Null outside a rotation overlap. */
    public PemPair next() {
        return next;
    }
}
