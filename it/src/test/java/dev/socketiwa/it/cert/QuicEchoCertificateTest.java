package dev.socketiwa.it.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import dev.socketiwa.runtime.cert.jvm.FileCertificateStore;
import dev.socketiwa.runtime.quic.EchoHandler;

/**
 * The quic-echo example keeps its certificate in its directory ({@code --cert-dir}), so a restarted server presents the
 * same certificate to a client pinning the hash it printed; another directory means another certificate.
 */
class QuicEchoCertificateTest {
    @Test
    void aRestartKeepsTheHashClientsPinned(@TempDir Path dir) throws Exception {
        String[] args = {"--cert-dir", dir.resolve("certs").toString()};
        List<PublishedCertificate> pinned;
        try (QuicEchoServer first = new QuicEchoServer(args, null)) {
            pinned = first.published();
            assertEquals(1, pinned.size());
            PublishedCertificate c = pinned.get(0);
            assertTrue(first.startLog.contains("quic-echo: certificates kept in " + dir.resolve("certs")), first.startLog);
            assertTrue(first.startLog.contains("quic-echo: pin sha-256 " + c.sha256Hex() + " (base64 " + c.sha256Base64()),
                    first.startLog);
            assertTrue(first.startLog.contains(CertificateHashes.serverCertificateHashesSnippet(pinned)), first.startLog);
            byte[] der = PinningClient.handshake(first.address(), EchoHandler.ALPN, pinned);
            assertNotNull(der, "the first server refused by the pin it published");
            assertArrayEquals(c.sha256(), PublishedCertificate.ofDer(der).sha256());
        }
        assertTrue(Files.isRegularFile(dir.resolve("certs").resolve(FileCertificateStore.CERT)));
        assertTrue(Files.isRegularFile(dir.resolve("certs").resolve(FileCertificateStore.KEY)));

        try (QuicEchoServer restarted = new QuicEchoServer(args, null)) {
            assertEquals(pinned, restarted.published(), "the restarted server publishes the same hash");
            assertNotNull(PinningClient.handshake(restarted.address(), EchoHandler.ALPN, pinned),
                    "a client pinning the hash printed before the restart connects");
        }

        try (QuicEchoServer elsewhere = new QuicEchoServer(new String[] {"--cert-dir", dir.resolve("other").toString()},
                null)) {
            assertNotEquals(pinned, elsewhere.published());
            assertNull(PinningClient.handshake(elsewhere.address(), EchoHandler.ALPN, pinned),
                    "another store, another certificate: the old pin is refused");
            assertNotNull(PinningClient.handshake(elsewhere.address(), EchoHandler.ALPN, elsewhere.published()));
        }
    }

    /** The server loop's timer starts the overlap, and quic-echo prints both hashes and the new snippet then. */
    @Test
    void theHashesArePrintedAgainWhenTheyChange() throws Exception {
        long t0 = 1_795_000_000_000L;
        AtomicLong clock = new AtomicLong(t0);
        CertificateLifecycle lifecycle = new CertificateLifecycle(new InMemoryCertificateStore(),
                new CertificateGenerator(new SecureRandomSource()));
        lifecycle.setClock(clock::get);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try (QuicEchoServer echo = new QuicEchoServer(new String[0], lifecycle)) {
            clock.set(t0 + 10 * CertificateRequest.DAY_MILLIS + 1);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!out.toString(StandardCharsets.UTF_8).contains("quic-echo: certificate hashes to pin (2")
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("quic-echo: certificate hashes to pin (2"),
                    "the loop printed the overlap's hashes on its own");
            List<PublishedCertificate> both = lifecycle.publishedHashes();
            assertEquals(2, both.size());
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("quic-echo: pin sha-256 " + both.get(1).sha256Hex()), printed);
            assertTrue(printed.contains("quic-echo: " + CertificateHashes.serverCertificateHashesSnippet(both)), printed);
        } finally {
            System.setOut(original);
            System.out.print(out.toString(StandardCharsets.UTF_8));
        }
    }
}
