package dev.socketiwa.it.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateHashes;
import dev.socketiwa.runtime.cert.CertificateLifecycle;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.InMemoryCertificateStore;
import dev.socketiwa.runtime.cert.PublishedCertificate;

/**
 * Chromium's WebTransport with {@code serverCertificateHashes} against our JVM quic-echo server, pinning the hashes the
 * server published (its log snippet, then its API as it rotates): accepted with them, refused with a wrong or stale
 * hash, and across a rotation driven by a test clock. Chromium checks validity with its real clock, so the test clock
 * starts 12 days in the past: the first certificate is then valid until a day from now, and the one made at the
 * rotation is valid from the rotation on.
 *
 * <p>Accepted means the session opened ({@code wt.ready} resolved on quic-echo's /wt) and the server saw the
 * handshake complete; refused means Chromium never finished a handshake with the server and the session failed.
 */
class ChromiumPinsQuicEchoTest {
    private static final long DAY = CertificateRequest.DAY_MILLIS;

    @TempDir
    Path dir;
    private int probes;

    @Test
    void chromiumConnectsWithThePublishedHashesAcrossARotation() throws Exception {
        long realNow = System.currentTimeMillis();
        AtomicLong clock = new AtomicLong(realNow - 12 * DAY);
        CertificateLifecycle lifecycle = new CertificateLifecycle(new InMemoryCertificateStore(),
                new CertificateGenerator(new SecureRandomSource()));
        lifecycle.setClock(clock::get);
        try (QuicEchoServer echo = new QuicEchoServer(new String[0], lifecycle)) {
            List<PublishedCertificate> first = echo.published();
            assertEquals(1, first.size());
            String printed = snippetFromLog(echo.startLog);
            assertEquals(CertificateHashes.serverCertificateHashesSnippet(first), printed);

            assertEquals(true, accepted(echo, printed), "the hash the server printed");
            String wrong = CertificateHashes.serverCertificateHashesSnippet(List.of(new CertificateGenerator(
                    new SecureRandomSource()).generate(CertificateRequest.defaults(), realNow).published()));
            assertEquals(false, accepted(echo, wrong), "a wrong hash");

            // In the overlap, before the switch: both published, the current one still served.
            clock.set(realNow - DAY);
            List<PublishedCertificate> both = echo.published();
            assertEquals(2, both.size());
            assertEquals(first.get(0), both.get(0));
            assertEquals(true, accepted(echo, CertificateHashes.serverCertificateHashesSnippet(both)),
                    "both published hashes, before the switch");
            assertEquals(true, accepted(echo, printed), "the old hash alone, before the switch");

            // After the switch: new connections get the next certificate.
            clock.set(realNow);
            assertEquals(both, echo.published());
            assertEquals(true, accepted(echo, CertificateHashes.serverCertificateHashesSnippet(both)),
                    "both published hashes, after the switch");
            assertEquals(false, accepted(echo, printed), "the old hash alone, after the switch");

            // The first certificate expired: only the new hash is published, and it is the one that works.
            clock.set(realNow + DAY + 60_000);
            List<PublishedCertificate> after = echo.published();
            assertEquals(List.of(both.get(1)), after);
            assertEquals(true, accepted(echo, CertificateHashes.serverCertificateHashesSnippet(after)),
                    "the new hash after the rotation");
        }
    }

    /** Opens a WebTransport session from Chromium with these options; true when Chromium accepted the certificate. */
    private boolean accepted(QuicEchoServer echo, String options) throws Exception {
        long before = echo.server.handshakesCompleted();
        String output = WebTransportProbe.openSession(dir.resolve("probe" + (++probes)),
                "https://127.0.0.1:" + echo.address().port() + "/wt", options);
        String result = output.substring(output.lastIndexOf("RESULT ") + 7).trim();
        // A connection closes on the server after Chromium gives up; the count grows at the handshake, before that.
        boolean handshake = echo.server.handshakesCompleted() > before;
        System.out.println("Chromium WebTransport probe " + probes + ": handshake=" + handshake + ", " + result);
        if (handshake) {
            assertEquals("ready", result, "Chromium accepted the certificate, so the WebTransport session opens");
        } else {
            assertTrue(result.startsWith("error"), "no handshake but the session opened: " + result);
        }
        return handshake;
    }

    private static String snippetFromLog(String log) {
        for (String line : log.split("\n")) {
            if (line.startsWith("quic-echo: serverCertificateHashes: ")) {
                return line.substring("quic-echo: ".length()).trim();
            }
        }
        throw new AssertionError("quic-echo printed no serverCertificateHashes snippet:\n" + log);
    }
}
