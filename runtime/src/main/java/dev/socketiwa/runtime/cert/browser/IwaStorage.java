package dev.socketiwa.runtime.cert.browser;

import dev.socketiwa.runtime.cert.CertificateStoreException;
import dev.socketiwa.runtime.cert.KeyValueCertificateStore;

/**
 * {@link KeyValueCertificateStore.Storage} over the Isolated Web App's own localStorage, through {@link StorageShim}.
 * The storage belongs to the app's origin ({@code isolated-app://<bundle id>}) and profile: it survives reloads and
 * browser restarts, no other origin reads it, and nothing of it is in the signed bundle. Only inside the wasm build.
 */
public final class IwaStorage implements KeyValueCertificateStore.Storage {
    private final ScratchRegion scratch = new ScratchRegion();
    private String description;

    @Override
    public String get(String key) {
        byte[] k = ScratchRegion.utf8(key);
        int n = StorageShim.get(scratch.write(k), k.length);
        if (n == StorageShim.ABSENT) {
            return null;
        }
        if (n < 0) {
            throw failure("read", key);
        }
        return scratch.takePending(n);
    }

    @Override
    public void put(String key, String value) {
        byte[] k = ScratchRegion.utf8(key);
        byte[] v = ScratchRegion.utf8(value);
        if (StorageShim.put(scratch.write(k, v), k.length, v.length) != 0) {
            throw failure("write", key);
        }
    }

    @Override
    public void remove(String key) {
        byte[] k = ScratchRegion.utf8(key);
        if (StorageShim.remove(scratch.write(k), k.length) != 0) {
            throw failure("remove", key);
        }
    }

    @Override
    public String describe() {
        if (description == null) {
            description = scratch.takePending(StorageShim.describe());
        }
        return description;
    }

    private CertificateStoreException failure(String what, String key) {
        // The shim left the browser's reason pending (e.g. QuotaExceededError, or storage disabled for the profile);
        // take it before describe() reuses the pending slot.
        String reason = scratch.takePending(StorageShim.pendingLength());
        return new CertificateStoreException("could not " + what + " '" + key + "' in " + describe() + ": " + reason
                + ". The app keeps its certificates in its own origin storage; check that the profile allows site"
                + " storage for the app and has space left.", null);
    }
}
