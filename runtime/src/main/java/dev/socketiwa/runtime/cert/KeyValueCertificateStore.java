package dev.socketiwa.runtime.cert;

/**
 * A {@link CertificateStore} over any string key-value storage, so the browser build only has to supply the storage:
 * the IWA origin's localStorage (window) or a file in its origin-private file system (worker), reached through the JS
 * shim. Four keys under a prefix: {@code <prefix>current.cert}, {@code current.key}, {@code next.cert},
 * {@code next.key}.
 *
 * <p>Writes go next pair first, key before certificate, like the file store, so an interrupted save leaves the
 * previous current pair intact; a torn pair is reported by the lifecycle as unusable content.
 */
public final class KeyValueCertificateStore implements CertificateStore {

    /** The storage the platform provides. Values are PEM text (ASCII). */
    public interface Storage {
        /** Null when absent. */
        String get(String key);

        void put(String key, String value);

        void remove(String key);

        /** For error messages, e.g. "IWA localStorage". */
        String describe();
    }

    public static final String DEFAULT_PREFIX = "socketiwa.webtransport.";

    private final Storage storage;
    private final String prefix;

    public KeyValueCertificateStore(Storage storage, String prefix) {
        if (storage == null || prefix == null) {
            throw new IllegalArgumentException("storage and prefix are required");
        }
        this.storage = storage;
        this.prefix = prefix;
    }

    public KeyValueCertificateStore(Storage storage) {
        this(storage, DEFAULT_PREFIX);
    }

    @Override
    public StoredCertificates load() {
        PemPair current = pair("current");
        PemPair next = pair("next");
        return current == null && next == null ? StoredCertificates.empty() : new StoredCertificates(current, next);
    }

    @Override
    public void save(StoredCertificates certificates) {
        write("next", certificates.next());
        write("current", certificates.current());
    }

    @Override
    public String location() {
        return storage.describe() + " (keys " + prefix + "*)";
    }

    private PemPair pair(String slot) {
        String cert = storage.get(prefix + slot + ".cert");
        String key = storage.get(prefix + slot + ".key");
        return cert == null && key == null ? null : new PemPair(cert, key);
    }

    private void write(String slot, PemPair pair) {
        if (pair == null) {
            storage.remove(prefix + slot + ".cert");
            storage.remove(prefix + slot + ".key");
        } else {
            storage.put(prefix + slot + ".key", pair.privateKeyPem());
            storage.put(prefix + slot + ".cert", pair.certificatePem());
        }
    }
}
