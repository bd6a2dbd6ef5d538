package dev.socketiwa.runtime.cert;

/** Keeps the certificates in memory only: for tests, and for servers that may change hash on every start. */
public final class InMemoryCertificateStore implements CertificateStore {
    private StoredCertificates content = StoredCertificates.empty();
    private int saves;

    @Override
    public synchronized StoredCertificates load() {
        return content;
    }

    @Override
    public synchronized void save(StoredCertificates certificates) {
        content = certificates == null ? StoredCertificates.empty() : certificates;
        saves++;
    }

    @Override
    public String location() {
        return "memory";
    }

    /** How many times {@link #save} ran (tests use it to see that nothing is rewritten needlessly). */
    public synchronized int saveCount() {
        return saves;
    }
}
