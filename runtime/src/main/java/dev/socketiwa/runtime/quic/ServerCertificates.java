package dev.socketiwa.runtime.quic;

import dev.socketiwa.quic.tls.TlsServerConfig;
import dev.socketiwa.runtime.cert.CertificateLifecycle;
import dev.socketiwa.runtime.cert.CertificateStoreException;
import dev.socketiwa.runtime.cert.MillisClock;
import dev.socketiwa.runtime.cert.PublishedCertificate;
import dev.socketiwa.runtime.cert.ServerCertificate;

import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Where {@link QuicServer} gets the TLS configuration of each new connection: one fixed certificate, or a
 * {@link CertificateLifecycle} asked at every handshake. The configuration (signer, chain) is built once per certificate
 * and reused until the lifecycle hands out another one, so a rotation costs one build, not one per connection. A
 * connection keeps the configuration it started with, so rotating never disturbs it.
 *
 * <p>Used on the server loop's thread only (handshakes and timers), so the cache needs no lock; the lifecycle itself is
 * synchronized for apps reading hashes from other threads.
 */
final class ServerCertificates {
    /** After the certificate store failed (disk full, storage quota), try again this much later. */
    static final long STORE_RETRY_MILLIS = 60_000;

    private final CertificateLifecycle lifecycle;
    private final MillisClock clock;
    private final Function<ServerCertificate, TlsServerConfig> build;
    private final List<PublishedCertificate> fixedPublished;
    private ServerCertificate cachedCertificate;
    private TlsServerConfig cachedConfig;
    private long dueMillis;
    private boolean storeFailing;
    private int configsBuilt;

    /** One certificate for the server's whole life. */
    ServerCertificates(TlsServerConfig fixed, byte[] certificateDer) {
        this.lifecycle = null;
        this.clock = null;
        this.build = null;
        this.cachedConfig = fixed;
        this.configsBuilt = 1;
        this.dueMillis = Long.MAX_VALUE;
        List<PublishedCertificate> published;
        try {
            published = Collections.singletonList(PublishedCertificate.ofDer(certificateDer));
        } catch (RuntimeException unreadable) {
            // The TLS engine only needs the bytes; a certificate we cannot parse simply publishes nothing.
            published = Collections.emptyList();
        }
        this.fixedPublished = published;
    }

    /** Certificates from the lifecycle (started here if the app has not done so). */
    ServerCertificates(CertificateLifecycle lifecycle, Function<ServerCertificate, TlsServerConfig> build) {
        if (!lifecycle.isStarted()) {
            lifecycle.start();
        }
        this.lifecycle = lifecycle;
        this.clock = lifecycle.clock();
        this.build = build;
        this.fixedPublished = null;
        this.dueMillis = lifecycle.nextTransitionMillis();
    }

    /** The TLS configuration for a connection whose handshake starts now. */
    TlsServerConfig forNewConnection() {
        if (lifecycle == null) {
            return cachedConfig;
        }
        long now = clock.millis();
        ServerCertificate selected;
        if (storeFailing && now < dueMillis) {
            selected = lifecycle.current(); // no store write attempt per handshake while the store fails
        } else {
            try {
                selected = lifecycle.select(now);
                storeFailing = false;
            } catch (CertificateStoreException e) {
                // Never fail a handshake (or the loop) over storage: serve the current certificate, retry later.
                storeFailed(e, now);
                selected = lifecycle.current();
            }
        }
        if (selected != cachedCertificate) {
            cachedConfig = build.apply(selected);
            cachedCertificate = selected;
            configsBuilt++;
        }
        return cachedConfig;
    }

    /**
     * Runs the lifecycle's maintenance when its transition is due (next certificate made, switch, expiry: listeners
     * hear of new hashes then, not only at the next handshake) and returns how many milliseconds until the next one
     * (Long.MAX_VALUE for a fixed certificate). The loop caps its receive wait with it: timers, no threads.
     */
    long maintainIfDue() {
        if (lifecycle == null) {
            return Long.MAX_VALUE;
        }
        long now = clock.millis();
        if (now >= dueMillis) {
            try {
                lifecycle.maintain(now);
                storeFailing = false;
                dueMillis = lifecycle.nextTransitionMillis();
            } catch (CertificateStoreException e) {
                storeFailed(e, now);
            }
        }
        return Math.max(0, dueMillis - now);
    }

    private void storeFailed(CertificateStoreException e, long now) {
        if (!storeFailing || dueMillis <= now) {
            System.err.println("socketiwa: could not save the rotated certificate, retrying in a minute; the new hash is"
                    .concat(" published once saved: ").concat(String.valueOf(e.getMessage())));
        }
        storeFailing = true;
        dueMillis = now + STORE_RETRY_MILLIS;
    }

    List<PublishedCertificate> published() {
        return lifecycle == null ? fixedPublished : lifecycle.publishedHashes();
    }

    void addListener(CertificateLifecycle.HashesListener listener) {
        if (lifecycle == null) {
            if (!fixedPublished.isEmpty()) {
                listener.hashesChanged(fixedPublished);
            }
        } else {
            lifecycle.addListener(listener);
        }
    }

    /** Applies a setting to the configurations already built (the fixed one, or the lifecycle's cached one). */
    void forEachBuilt(java.util.function.Consumer<TlsServerConfig> change) {
        if (cachedConfig != null) {
            change.accept(cachedConfig);
        }
    }

    /** How many TLS configurations were built so far (one per certificate served). */
    int configsBuilt() {
        return configsBuilt;
    }
}
