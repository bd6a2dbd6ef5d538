package dev.socketiwa.runtime.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.socketiwa.runtime.cert.CertificateLifecycle.CorruptStorePolicy;
import dev.socketiwa.quic.crypto.SecureRandomSource;

class CertificateLifecycleTest {
    static final long DAY = CertificateRequest.DAY_MILLIS;
    static final long T0 = 1_795_000_000_000L;

    private final CertificateGenerator generator = new CertificateGenerator(new SecureRandomSource());
    private final InMemoryCertificateStore store = new InMemoryCertificateStore();
    private final List<List<PublishedCertificate>> notifications = new ArrayList<>();

    private CertificateLifecycle lifecycle(CertificateStore on, CorruptStorePolicy policy) {
        CertificateLifecycle lifecycle = new CertificateLifecycle(on, generator, CertificateRequest.defaults(),
                RotationPolicy.defaults(), policy);
        lifecycle.addListener(notifications::add);
        return lifecycle;
    }

    @Test
    void rotatesBeforeDuringAndAfterTheOverlap() {
        CertificateLifecycle lifecycle = lifecycle(store, CorruptStorePolicy.REFUSE);
        lifecycle.start(T0);
        ServerCertificate first = lifecycle.current();
        assertEquals(T0 + 13 * DAY, first.notAfterMillis());
        assertEquals(1, notifications.size(), "the initial hash is announced");
        assertEquals(List.of(first.published()), notifications.get(0));
        assertEquals(1, store.saveCount());

        // Before the overlap: one certificate, served and published; nothing rewritten.
        long overlapStart = T0 + 10 * DAY;
        assertEquals(overlapStart, lifecycle.nextTransitionMillis());
        assertSame(first, lifecycle.select(overlapStart - 1));
        assertEquals(List.of(first.published()), lifecycle.publishedHashes(overlapStart - 1));
        assertNull(lifecycle.next());
        assertEquals(1, store.saveCount());
        assertEquals(1, notifications.size());

        // Overlap start: the next certificate exists and both hashes are published; new connections keep the old one.
        List<PublishedCertificate> during = lifecycle.publishedHashes(overlapStart);
        ServerCertificate second = lifecycle.next();
        assertNotNull(second);
        assertFalse(second.hasSameHash(first));
        assertEquals(List.of(first.published(), second.published()), during);
        assertEquals(2, notifications.size());
        assertEquals(during, notifications.get(1));
        assertEquals(overlapStart + 13 * DAY, second.notAfterMillis());
        assertSame(first, lifecycle.select(overlapStart));
        assertEquals(2, store.saveCount(), "the next certificate is persisted at once");

        // Halfway through the overlap new connections switch to the next certificate; both stay published.
        long switchAt = T0 + 13 * DAY - DAY * 3 / 2;
        assertEquals(switchAt, lifecycle.nextTransitionMillis());
        assertSame(first, lifecycle.select(switchAt - 1));
        assertSame(second, lifecycle.select(switchAt));
        assertEquals(during, lifecycle.publishedHashes(switchAt + 1));
        assertEquals(first.notAfterMillis(), lifecycle.nextTransitionMillis());
        assertTrue(first.isValidAt(first.notAfterMillis() - 1), "old connections' certificate is still valid");

        // At the old certificate's expiry: only the next one remains, as current.
        assertEquals(List.of(second.published()), lifecycle.publishedHashes(first.notAfterMillis()));
        assertSame(second, lifecycle.current());
        assertNull(lifecycle.next());
        assertSame(second, lifecycle.select(first.notAfterMillis()));
        assertEquals(3, notifications.size());
        assertEquals(3, store.saveCount());

        // And the cycle repeats from the new certificate.
        assertEquals(second.notAfterMillis() - 3 * DAY, lifecycle.nextTransitionMillis());
        List<PublishedCertificate> again = lifecycle.publishedHashes(second.notAfterMillis() - 3 * DAY);
        assertEquals(2, again.size());
        assertEquals(second.published(), again.get(0));
        for (PublishedCertificate p : again) {
            assertTrue(p.notAfterMillis() - p.notBeforeMillis() <= 14 * DAY);
        }
    }

    @Test
    void restartKeepsTheSameHashes() {
        CertificateLifecycle before = lifecycle(store, CorruptStorePolicy.REFUSE);
        before.start(T0);
        CertificateLifecycle after = lifecycle(store, CorruptStorePolicy.REFUSE);
        after.start(T0 + DAY);
        assertTrue(after.current().hasSameHash(before.current()));
        assertEquals(1, store.saveCount(), "a restart with a good certificate rewrites nothing");

        // Restart during the overlap: both certificates come back, the switch time is the same.
        before.maintain(T0 + 11 * DAY);
        CertificateLifecycle inOverlap = lifecycle(store, CorruptStorePolicy.REFUSE);
        inOverlap.start(T0 + 11 * DAY + 1);
        assertTrue(inOverlap.current().hasSameHash(before.current()));
        assertTrue(inOverlap.next().hasSameHash(before.next()));
        assertEquals(before.publishedHashes(T0 + 12 * DAY), inOverlap.publishedHashes(T0 + 12 * DAY));
    }

    @Test
    void restartAfterLongDowntimeStartsAfresh() {
        CertificateLifecycle earlier = lifecycle(store, CorruptStorePolicy.REFUSE);
        earlier.start(T0);
        ServerCertificate old = earlier.select(T0);
        CertificateLifecycle later = lifecycle(store, CorruptStorePolicy.REFUSE);
        later.start(T0 + 30 * DAY);
        assertFalse(later.current().hasSameHash(old));
        assertTrue(later.current().isValidAt(T0 + 30 * DAY));
        assertNull(later.next());
        // a restart after the next one was made but the old expired: the next one is promoted, not thrown away
        later.maintain(later.current().notAfterMillis() - 2 * DAY);
        ServerCertificate next = later.next();
        CertificateLifecycle promoted = lifecycle(store, CorruptStorePolicy.REFUSE);
        promoted.start(later.current().notAfterMillis() + 1);
        assertTrue(promoted.current().hasSameHash(next));
        assertNull(promoted.next());
    }

    @Test
    void loadsACertificateMadeElsewhereAndRotatesItIfAlreadyInTheOverlap() {
        ServerCertificate fromMojo = generator.generate(CertificateRequest.defaults().withValidityDays(2), T0);
        store.save(new StoredCertificates(PemPair.of(fromMojo), null));
        CertificateLifecycle lifecycle = lifecycle(store, CorruptStorePolicy.REFUSE);
        lifecycle.start(T0 + 1000);
        assertTrue(lifecycle.current().hasSameHash(fromMojo));
        assertNotNull(lifecycle.next(), "2-day certificate, 3-day overlap: the next one is made at once");
        assertEquals(2, lifecycle.publishedHashes(T0 + 1000).size());
        assertSame(lifecycle.current(), lifecycle.select(T0 + 1000), "served until halfway through the overlap");
    }

    @Test
    void damagedStoreIsRefusedByDefaultWithWhereAndWhat() {
        store.save(new StoredCertificates(new PemPair("-----BEGIN CERTIFICATE-----\nAAAA", "junk"), null));
        CertificateLifecycle lifecycle = new CertificateLifecycle(store, generator);
        CertificateStoreException e = assertThrows(CertificateStoreException.class, () -> lifecycle.start(T0));
        assertTrue(e.getMessage().contains("current certificate in memory is unusable"), e.getMessage());
        assertTrue(e.getMessage().contains("no -----END CERTIFICATE----- line"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix or delete it"), e.getMessage());
        assertEquals("junk", store.load().current().privateKeyPem(), "nothing overwritten");
        assertThrows(IllegalStateException.class, () -> lifecycle.select(T0));
    }

    @Test
    void mismatchedPairIsDamageToo() {
        ServerCertificate a = generator.generate(CertificateRequest.defaults(), T0);
        ServerCertificate b = generator.generate(CertificateRequest.defaults(), T0);
        store.save(new StoredCertificates(new PemPair(a.certificatePem(), b.privateKeyPem()), null));
        CertificateStoreException e = assertThrows(CertificateStoreException.class,
                () -> lifecycle(store, CorruptStorePolicy.REFUSE).start(T0));
        assertTrue(e.getMessage().contains("does not belong to this certificate"), e.getMessage());
    }

    @Test
    void regeneratePolicyReplacesDamageAndReportsIt() {
        ServerCertificate good = generator.generate(CertificateRequest.defaults(), T0);
        store.save(new StoredCertificates(new PemPair("garbage", good.privateKeyPem()), null));
        CertificateLifecycle lifecycle = lifecycle(store, CorruptStorePolicy.REGENERATE);
        lifecycle.start(T0);
        assertNotNull(lifecycle.storeProblem());
        assertTrue(lifecycle.storeProblem().contains("current certificate in memory is unusable"));
        assertFalse(lifecycle.current().hasSameHash(good));
        ServerCertificate reloaded = store.load().current().parse();
        assertTrue(reloaded.hasSameHash(lifecycle.current()), "the store holds the new certificate");

        // A damaged next slot only loses the next certificate; it is made again when due.
        store.save(new StoredCertificates(PemPair.of(lifecycle.current()), new PemPair("x", null)));
        CertificateLifecycle again = lifecycle(store, CorruptStorePolicy.REGENERATE);
        again.start(T0 + 1);
        assertTrue(again.current().hasSameHash(lifecycle.current()));
        assertTrue(again.storeProblem().contains("next certificate"), again.storeProblem());
        assertNull(store.load().next());
    }

    @Test
    void clockGoingBackwardsNeverServesACertificateThatIsNotYetValid() {
        CertificateLifecycle lifecycle = lifecycle(store, CorruptStorePolicy.REFUSE);
        lifecycle.start(T0);
        ServerCertificate served = lifecycle.select(T0 - DAY);
        assertTrue(served.isValidAt(T0 - DAY));
    }

    @Test
    void noArgumentMethodsUseTheClock() {
        long[] now = {T0};
        CertificateLifecycle lifecycle = lifecycle(store, CorruptStorePolicy.REFUSE);
        lifecycle.setClock(() -> now[0]);
        lifecycle.start();
        assertEquals(T0 / 1000 * 1000, lifecycle.current().notBeforeMillis());
        now[0] = T0 + 12 * DAY;
        assertEquals(2, lifecycle.publishedHashes().size());
        assertSame(lifecycle.next(), lifecycle.select());
    }

    @Test
    void lateListenerGetsTheCurrentHashesAndBadPoliciesAreRefused() {
        CertificateLifecycle lifecycle = lifecycle(store, CorruptStorePolicy.REFUSE);
        lifecycle.start(T0);
        List<List<PublishedCertificate>> late = new ArrayList<>();
        lifecycle.addListener(late::add);
        assertEquals(1, late.size());
        assertArrayEquals(lifecycle.current().sha256(), late.get(0).get(0).sha256());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CertificateLifecycle(store, generator, CertificateRequest.defaults().withValidityDays(2),
                        RotationPolicy.defaults(), CorruptStorePolicy.REFUSE));
        assertTrue(e.getMessage().contains("must be shorter than the certificate validity"), e.getMessage());
    }
}
