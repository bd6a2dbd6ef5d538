package dev.socketiwa.runtime.cert.browser;

import dev.socketiwa.runtime.cert.CertificateHashes;
import dev.socketiwa.runtime.cert.CertificateLifecycle;
import dev.socketiwa.runtime.cert.PublishedCertificate;

import java.util.List;

/**
 * Tells the app's page the hashes clients should pin, each time they change (start, rotation, expiry): the page shows
 * them with their expiry and a copyable {@code serverCertificateHashes} snippet, and exposes them to scripts as
 * {@code globalThis.socketiwa.certificates} (the JSON of {@link CertificateHashes#toJson}). Only inside the wasm build.
 */
public final class PageCertificates implements CertificateLifecycle.HashesListener {
    private final ScratchRegion scratch = new ScratchRegion();

    @Override
    public void hashesChanged(List<PublishedCertificate> published) {
        byte[] json = ScratchRegion.utf8(CertificateHashes.toJson(published));
        StorageShim.publishCertificates(scratch.write(json), json.length);
    }
}
