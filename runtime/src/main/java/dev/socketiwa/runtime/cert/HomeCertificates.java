package dev.socketiwa.runtime.cert;

import dev.socketiwa.quic.crypto.RandomSource;
import dev.socketiwa.runtime.app.Home;
import dev.socketiwa.runtime.cert.browser.IwaStorage;
import dev.socketiwa.runtime.cert.jvm.CertificateDirectory;

/**
 * The certificate storage and lifecycle an app should use in the home it runs in, so that a restart keeps the hash
 * clients pinned. On the JVM: PEM files in a directory ({@link CertificateDirectory}: {@code --cert-dir DIR}, else
 * {@code -Dsocketiwa.certDir}, else {@code .socketiwa} in the working directory; {@code mvn socketiwa:run} passes the
 * project's {@code .socketiwa}, where {@code mvn socketiwa:cert} writes). In the browser: the seam for the IWA's own
 * origin storage ({@link KeyValueCertificateStore} over {@link IwaStorage}, reached through the JS shim), so a reload
 * keeps the hash.
 *
 * <p>TeaVM replaces {@link Home#isBrowser()} by a constant, so the file store (java.nio.file) never reaches the wasm
 * build.
 */
public final class HomeCertificates {
    private HomeCertificates() {
    }

    /** The persistent store of this home. */
    public static CertificateStore store(String[] args) {
        if (Home.isBrowser()) {
            return browserStore();
        }
        return CertificateDirectory.store(args);
    }

    /**
     * A lifecycle over {@link #store}, not yet started, with the default request (13 days, localhost and 127.0.0.1)
     * and rotation policy (3-day overlap). Damaged storage is refused on the JVM (it may be the user's own files) and
     * replaced in the browser (only this runtime writes the IWA's storage).
     */
    public static CertificateLifecycle lifecycle(String[] args, RandomSource random) {
        return new CertificateLifecycle(store(args), new CertificateGenerator(random), CertificateRequest.defaults(),
                RotationPolicy.defaults(), Home.isBrowser() ? CertificateLifecycle.CorruptStorePolicy.REGENERATE
                        : CertificateLifecycle.CorruptStorePolicy.REFUSE);
    }

    /** The browser's store: the IWA origin's own storage, reached through the shim. */
    private static CertificateStore browserStore() {
        return new KeyValueCertificateStore(new IwaStorage());
    }
}
