package dev.socketiwa.it.cert;

import static dev.socketiwa.it.cert.WebTransportProbe.Verdict.ACCEPTED;
import static dev.socketiwa.it.cert.WebTransportProbe.Verdict.REFUSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.socketiwa.plugin.core.cert.ProjectCertificate;
import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateHashes;
import dev.socketiwa.runtime.cert.CertificateLifecycle;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.InMemoryCertificateStore;
import dev.socketiwa.runtime.cert.PublishedCertificate;
import dev.socketiwa.runtime.cert.ServerCertificate;

/**
 * Chromium's own serverCertificateHashes check accepts our certificates: the one socketiwa:cert writes, pinned with the
 * snippet it prints, and both certificates of a rotation overlap, pinned with the published hashes; it refuses a
 * wrong or stale hash. (The full WebTransport session against our own server comes with the QUIC server.)
 */
class ChromiumCertificateHashesTest {
    private static final long DAY = CertificateRequest.DAY_MILLIS;

    @Test
    void certificateFromTheGoalIsAcceptedWithThePrintedSnippet(@TempDir Path dir) throws Exception {
        ProjectCertificate written = ProjectCertificate.create(dir.resolve(".socketiwa"), CertificateRequest.defaults(),
                false, new SecureRandomSource(), System.currentTimeMillis());
        List<String> report = written.report();
        String snippet = report.get(report.size() - 1).trim();
        assertEquals(ACCEPTED, WebTransportProbe.probe(dir.resolve("good"), written.certificate(), snippet));

        ServerCertificate other = new CertificateGenerator(new SecureRandomSource())
                .generate(CertificateRequest.defaults(), System.currentTimeMillis());
        String wrong = CertificateHashes.serverCertificateHashesSnippet(List.of(other.published()));
        assertEquals(REFUSED, WebTransportProbe.probe(dir.resolve("wrong"), written.certificate(), wrong));
    }

    /**
     * Real time, since Chromium checks validity with its own clock: a certificate made 11 days ago (so the overlap
     * began a day ago and the next certificate exists) and the next one, both pinned through the published hashes.
     */
    @Test
    void bothCertificatesOfTheOverlapAreAcceptedWithThePublishedHashes(@TempDir Path dir) throws Exception {
        long now = System.currentTimeMillis();
        CertificateLifecycle lifecycle = new CertificateLifecycle(new InMemoryCertificateStore(),
                new CertificateGenerator(new SecureRandomSource()));
        lifecycle.start(now - 11 * DAY);
        List<PublishedCertificate> beforeOverlap = lifecycle.publishedHashes(now - 11 * DAY);
        List<PublishedCertificate> published = lifecycle.publishedHashes(now);
        assertEquals(2, published.size());
        ServerCertificate current = lifecycle.current();
        ServerCertificate next = lifecycle.next();
        assertSame(current, lifecycle.select(now), "before the switch, new connections still get the current one");
        assertNotSame(current, next);
        String both = CertificateHashes.serverCertificateHashesSnippet(published);

        assertEquals(ACCEPTED, WebTransportProbe.probe(dir.resolve("current"), current, both));
        assertEquals(ACCEPTED, WebTransportProbe.probe(dir.resolve("next"), next, both));
        // A client that only knows the hash from before the overlap is refused once the next certificate is served.
        String stale = CertificateHashes.serverCertificateHashesSnippet(beforeOverlap);
        assertEquals(REFUSED, WebTransportProbe.probe(dir.resolve("stale"), next, stale));
    }
}
