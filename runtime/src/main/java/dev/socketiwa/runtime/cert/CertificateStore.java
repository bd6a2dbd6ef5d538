package dev.socketiwa.runtime.cert;

/**
 * Persistent storage for the server's certificates and keys, so that a restart keeps the same hash.
 *
 * <p>A store only moves text: it never parses, so damaged content reaches {@link CertificateLifecycle}, which decides
 * what to do with it ({@link CertificateLifecycle.CorruptStorePolicy}). Failing I/O is a {@link
 * CertificateStoreException}.
 *
 * <p>Implementations: {@link InMemoryCertificateStore} (tests, throwaway servers);
 * {@code dev.socketiwa.runtime.cert.jvm.FileCertificateStore} (JVM: PEM files in a directory, the same
 * {@code cert.pem}/{@code key.pem} that {@code mvn socketiwa:cert} writes); {@link KeyValueCertificateStore} over any
 * string storage. The browser build will use the latter with a {@link KeyValueCertificateStore.Storage} over the
 * Isolated Web App's own origin storage, reached through the JS shim (localStorage where the server runs in the window,
 * a file in the origin-private file system from a worker): the IWA's storage is private to the app's origin, so the key
 * never leaves it and never enters the signed bundle.
 */
public interface CertificateStore {
    /** The last saved content; {@link StoredCertificates#empty()} when nothing was saved yet. */
    StoredCertificates load();

    /** Replaces the whole content; a null slot removes what was stored there. */
    void save(StoredCertificates certificates);

    /** Where the content lives, for error messages (e.g. a directory path). */
    String location();
}
