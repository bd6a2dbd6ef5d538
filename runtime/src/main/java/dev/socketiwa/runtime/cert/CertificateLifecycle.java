package dev.socketiwa.runtime.cert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keeps a WebTransport-acceptable certificate current: loads it from the store or creates one, rotates before expiry
 * ({@link RotationPolicy}), persists every change, and tells listeners when the published hashes change.
 *
 * <p>Time is passed in (sans-IO, like the QUIC engine), so tests drive it with any clock; {@link #nextTransitionMillis}
 * tells the event loop when to call {@link #maintain} next. {@link #select} and {@link #publishedHashes} maintain
 * first, so a late timer never yields an expired certificate.
 *
 * <p>Connections: {@link #select} is asked once per new connection (at the TLS handshake). A connection keeps the
 * certificate it started with for its whole life; this class holds no connection state, so rotation never touches
 * existing connections, and the old key is simply not handed out any more.
 *
 * <p>Thread-safe (synchronized): on the JVM the page or app may read the hashes from another thread. Listeners run
 * inside the lock and must not block.
 */
public final class CertificateLifecycle {

    /** What {@link #start} does when the store holds content it cannot use (unparsable, mismatched, not P-256...). */
    public enum CorruptStorePolicy {
        /**
         * Fail with a {@link CertificateStoreException} saying what is wrong and where. The default: the content may be
         * a user's own key in a form we do not read, or the store may point at the wrong place; destroying it silently
         * would be worse than not starting.
         */
        REFUSE,
        /**
         * Discard it, create a new certificate, overwrite the store and report the problem through
         * {@link #storeProblem()}. For storage that only this runtime ever writes (the IWA's origin storage), where a
         * damaged entry can only come from an interrupted write and a new hash is republished automatically anyway.
         */
        REGENERATE
    }

    /** Told the hashes clients should pin, whenever that list changes (at start, when rotating, at expiry). */
    @FunctionalInterface
    public interface HashesListener {
        void hashesChanged(List<PublishedCertificate> published);
    }

    private final CertificateStore store;
    private final CertificateGenerator generator;
    private final CertificateRequest request;
    private final RotationPolicy policy;
    private final CorruptStorePolicy corruptStorePolicy;
    private final List<HashesListener> listeners = new ArrayList<>();

    private ServerCertificate current;
    private ServerCertificate next;
    private List<PublishedCertificate> published = Collections.emptyList();
    private String storeProblem;
    private MillisClock clock = System::currentTimeMillis;
    private long lastNow = Long.MIN_VALUE;
    /** A change the store has not accepted yet (its save threw): retried, and only then published, at the next call. */
    private boolean unsaved;

    private boolean createdOnStart;

    public CertificateLifecycle(CertificateStore store, CertificateGenerator generator, CertificateRequest request,
            RotationPolicy policy, CorruptStorePolicy corruptStorePolicy) {
        if (store == null || generator == null || request == null || policy == null || corruptStorePolicy == null) {
            throw new IllegalArgumentException("store, generator, request, policy and corruptStorePolicy are required");
        }
        policy.checkAgainst(request);
        this.store = store;
        this.generator = generator;
        this.request = request;
        this.policy = policy;
        this.corruptStorePolicy = corruptStorePolicy;
    }

    /** Defaults: 13-day certificates for localhost/127.0.0.1, 3-day overlap, refuse damaged storage. */
    public CertificateLifecycle(CertificateStore store, CertificateGenerator generator) {
        this(store, generator, CertificateRequest.defaults(), RotationPolicy.defaults(), CorruptStorePolicy.REFUSE);
    }

    /** Also told the current hashes at once if already started, so a late page misses nothing. */
    public synchronized void addListener(HashesListener listener) {
        listeners.add(listener);
        if (!published.isEmpty()) {
            listener.hashesChanged(published);
        }
    }

    /**
     * Loads the stored certificates (or creates the first), drops what has expired, rotates if already in the overlap,
     * saves if anything changed, and notifies listeners of the initial hashes.
     */
    public synchronized void start(long now) {
        StoredCertificates stored = store.load();
        current = parseSlot(stored.current(), "current");
        next = current == null ? null : parseSlot(stored.next(), "next");
        boolean dirty = storeProblem != null;
        createdOnStart = current == null;
        if (current == null) {
            current = generator.generate(request, now);
            next = null;
            dirty = true;
        }
        lastNow = now;
        update(now, dirty);
    }

    /**
     * Advances the rotation to {@code now}: creates the next certificate, promotes it at expiry, persists. When the
     * store fails ({@link CertificateStoreException}) the change is kept in memory, not yet published, and the save is
     * retried at the next call.
     */
    public synchronized void maintain(long now) {
        requireStarted();
        lastNow = Math.max(lastNow, now);
        update(now, false);
    }

    /** The certificate a connection starting at {@code now} gets. */
    public synchronized ServerCertificate select(long now) {
        maintain(now);
        return next != null && now >= policy.switchAt(current) ? next : current;
    }

    /**
     * The hashes clients should pin at {@code now}: the current one, and the next one during the overlap. If the store
     * fails to save a change, the hashes published before it (whose certificates are saved) are returned.
     */
    public synchronized List<PublishedCertificate> publishedHashes(long now) {
        try {
            maintain(now);
        } catch (CertificateStoreException notSavedYet) {
            // Reading must not fail over storage: what is published stays right until the change is saved.
        }
        return published;
    }

    /** The earliest instant after the last maintain at which something changes; call {@link #maintain} then. */
    public synchronized long nextTransitionMillis() {
        requireStarted();
        if (next == null) {
            return Math.max(policy.overlapStart(current), lastNow);
        }
        long switchAt = policy.switchAt(current);
        return switchAt > lastNow ? switchAt : current.notAfterMillis();
    }

    /** The clock the no-argument methods use (default: the system wall clock). */
    public synchronized void setClock(MillisClock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("a clock is required");
        }
        this.clock = clock;
    }

    /** The clock the no-argument methods use; a server loop reads it to know when {@link #nextTransitionMillis} is due. */
    public synchronized MillisClock clock() {
        return clock;
    }

    /** Where the certificates are kept (a directory, "memory", the IWA's storage), for logs and pages. */
    public String storeLocation() {
        return store.location();
    }

    /** True once {@link #start} has run. */
    public synchronized boolean isStarted() {
        return current != null;
    }

    public synchronized void start() {
        start(clock.millis());
    }

    public synchronized void maintain() {
        maintain(clock.millis());
    }

    public synchronized ServerCertificate select() {
        return select(clock.millis());
    }

    public synchronized List<PublishedCertificate> publishedHashes() {
        return publishedHashes(clock.millis());
    }

    /** Null, or what was wrong with the stored content that {@link CorruptStorePolicy#REGENERATE} replaced. */
    /** Whether {@link #start} found no usable certificate in the store and created the first one. */
    public synchronized boolean createdOnStart() {
        return createdOnStart;
    }

    public synchronized String storeProblem() {
        return storeProblem;
    }

    /** The certificate currently published first (not necessarily the one served: see {@link #select}). */
    public synchronized ServerCertificate current() {
        requireStarted();
        return current;
    }

    /** The next certificate during the overlap, else null. */
    public synchronized ServerCertificate next() {
        requireStarted();
        return next;
    }

    private void update(long now, boolean dirty) {
        boolean changed = dirty || unsaved;
        if (next != null && !next.isValidAt(now)) {
            next = null; // clock moved backwards, or a stale next outlived its use: make a fresh one below if needed
            changed = true;
        }
        if (!current.isValidAt(now)) {
            if (next != null) {
                current = next;
                next = null;
            } else {
                current = generator.generate(request, now); // expired while the server was down
            }
            changed = true;
        }
        if (!current.isValidAt(now)) {
            current = generator.generate(request, now); // the promoted one was not yet valid (clock moved backwards)
            changed = true;
        }
        if (next == null && now >= policy.overlapStart(current)) {
            next = generator.generate(request, now);
            changed = true;
        }
        if (changed) {
            // Persist before publishing: a hash clients may pin must survive a restart.
            unsaved = true;
            store.save(new StoredCertificates(PemPair.of(current), next == null ? null : PemPair.of(next)));
            unsaved = false;
        }
        if (changed || published.isEmpty()) {
            List<PublishedCertificate> list = new ArrayList<>(2);
            list.add(current.published());
            if (next != null) {
                list.add(next.published());
            }
            if (!list.equals(published)) {
                published = Collections.unmodifiableList(list);
                for (HashesListener listener : listeners) {
                    listener.hashesChanged(published);
                }
            }
        }
    }

    private ServerCertificate parseSlot(PemPair slot, String which) {
        if (slot == null) {
            return null;
        }
        try {
            return slot.parse();
        } catch (CertificateFormatException e) {
            String problem = "the " + which + " certificate in " + store.location() + " is unusable: " + e.getMessage();
            if (corruptStorePolicy == CorruptStorePolicy.REFUSE) {
                throw new CertificateStoreException(problem + ". Fix or delete it (a new certificate is then created),"
                        + " or choose CorruptStorePolicy.REGENERATE to replace damaged content automatically.", e);
            }
            storeProblem = storeProblem == null ? problem : storeProblem + "; " + problem;
            return null;
        }
    }

    private void requireStarted() {
        if (current == null) {
            throw new IllegalStateException("call start(now) first");
        }
    }
}
