package dev.socketiwa.runtime.quic;

import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateLifecycle;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.CertificateStore;
import dev.socketiwa.runtime.cert.CertificateStoreException;
import dev.socketiwa.runtime.cert.InMemoryCertificateStore;
import dev.socketiwa.runtime.cert.PublishedCertificate;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.cert.StoredCertificates;
import dev.socketiwa.runtime.cert.TlsCertificates;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Certificate rotation through the real server loop over loopback UDP, with a test clock for certificate time (QUIC
 * timers stay on real time): clients pin hashes the way WebTransport's serverCertificateHashes does, before, during and
 * after the overlap; a connection opened before the rotation keeps working after it; the loop's own timer publishes
 * the new hashes (no handshake needed to notice); the TLS configuration is built once per certificate.
 */
class QuicServerRotationTest {
    private static final long DAY = CertificateRequest.DAY_MILLIS;
    private static final long T0 = 1_795_000_000_000L;

    private final AtomicLong clock = new AtomicLong(T0);
    private final List<List<PublishedCertificate>> heard = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private QuicServer server;
    private Thread thread;

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.stop();
        if (thread != null) thread.join(5000);
        for (AutoCloseable c : closeables) c.close();
    }

    @Test
    void newConnectionsFollowTheRotationAndOldOnesSurviveIt() throws Exception {
        CertificateLifecycle lifecycle = new CertificateLifecycle(new InMemoryCertificateStore(),
                new CertificateGenerator(new SecureRandomSource()));
        lifecycle.setClock(clock::get);
        UdpEndpoint address = serve(lifecycle);
        long overlapStart = T0 + 10 * DAY;
        long switchAt = T0 + 13 * DAY - DAY * 3 / 2;
        long expiry = T0 + 13 * DAY;

        List<PublishedCertificate> first = server.publishedHashes();
        assertEquals(1, first.size());
        assertEquals(List.of(first), heard, "a listener added after start hears the current hashes at once");
        Client early = connect(address, first);
        assertNull(early.failure, "before the overlap: " + early.failure);
        assertEquals(first.get(0), early.served());
        assertEcho(early, "before");

        // The loop's timer (not a handshake) makes the next certificate and publishes both hashes.
        int mark = heard.size();
        clock.set(overlapStart + 1);
        List<PublishedCertificate> both = waitForHeard(mark);
        assertEquals(2, both.size(), "both hashes published in the overlap: " + both);
        assertEquals(first.get(0), both.get(0));
        assertEquals(both, server.publishedHashes());

        Client staleBeforeSwitch = connect(address, first);
        assertNull(staleBeforeSwitch.failure, "the old pin works until the switch: " + staleBeforeSwitch.failure);
        assertEquals(first.get(0), staleBeforeSwitch.served());

        clock.set(switchAt);
        Client pinningBoth = connect(address, both);
        assertNull(pinningBoth.failure, "after the switch, with both hashes: " + pinningBoth.failure);
        assertEquals(both.get(1), pinningBoth.served(), "new connections get the next certificate");
        Client pinningNext = connect(address, both.subList(1, 2));
        assertNull(pinningNext.failure, "after the switch, with the next hash only: " + pinningNext.failure);
        Client stale = connect(address, first);
        assertTrue(stale.failure != null, "the old hash alone is refused after the switch");
        assertEcho(early, "during");

        mark = heard.size();
        clock.set(expiry);
        List<PublishedCertificate> after = waitForHeard(mark);
        assertEquals(List.of(both.get(1)), after, "at expiry only the new hash is published");
        Client late = connect(address, after);
        assertNull(late.failure, "after the overlap: " + late.failure);
        assertEquals(after.get(0), late.served());
        assertEcho(early, "after");
        assertEcho(pinningBoth, "still");

        assertEquals(2, server.tlsConfigsBuilt(), "one TLS configuration per certificate, not per connection");
    }

    /**
     * A store that fails at the rotation (disk full, quota) neither stops the loop nor fails handshakes, and the new
     * hash is published only once saved (a hash clients pin must survive a restart); the loop retries on its own.
     */
    @Test
    void aFailingStoreAtRotationKeepsServingAndPublishesOnlyWhatIsSaved() throws Exception {
        InMemoryCertificateStore memory = new InMemoryCertificateStore();
        boolean[] failing = {false};
        CertificateStore flaky = new CertificateStore() {
            @Override
            public StoredCertificates load() {
                return memory.load();
            }

            @Override
            public void save(StoredCertificates certificates) {
                if (failing[0]) throw new CertificateStoreException("disk full (test)");
                memory.save(certificates);
            }

            @Override
            public String location() {
                return "flaky";
            }
        };
        CertificateLifecycle lifecycle = new CertificateLifecycle(flaky, new CertificateGenerator(new SecureRandomSource()));
        lifecycle.setClock(clock::get);
        UdpEndpoint address = serve(lifecycle);
        List<PublishedCertificate> first = server.publishedHashes();

        failing[0] = true;
        clock.set(T0 + 12 * DAY); // in the overlap, after the switch: the next certificate is made but cannot be saved
        Client during = connect(address, first);
        assertNull(during.failure, "the saved certificate is still served: " + during.failure);
        assertEquals(first.get(0), during.served());
        assertEquals(first, server.publishedHashes(), "an unsaved hash is not published");
        assertTrue(thread.isAlive(), "the loop survived the store failure");

        failing[0] = false;
        int mark = heard.size();
        clock.addAndGet(ServerCertificates.STORE_RETRY_MILLIS);
        List<PublishedCertificate> both = waitForHeard(mark);
        assertEquals(2, both.size(), "published once saved: " + both);
        assertNotNull(memory.load().next(), "the next certificate is in the store");
        Client after = connect(address, both);
        assertNull(after.failure, "" + after.failure);
        assertEquals(both.get(1), after.served(), "past the switch, new connections get the next certificate");
    }

    @Test
    void theOldConstructorServesItsFixedCertificateAndPublishesIt() throws Exception {
        ServerCertificate cert = new CertificateGenerator(new SecureRandomSource()).generate(CertificateRequest.defaults(),
                System.currentTimeMillis());
        server = new QuicServer(new JcaCryptoProvider(), new QuicConfig(), cert.der(), cert.key().toPkcs8Der(),
                Map.of(EchoHandler.ALPN, EchoHandler::new));
        UdpEndpoint address = start();
        assertEquals(List.of(cert.published()), server.publishedHashes());
        Client c = connect(address, List.of(cert.published()));
        assertNull(c.failure, "" + c.failure);
        assertEcho(c, "fixed");
        assertEquals(1, server.tlsConfigsBuilt());
    }

    private UdpEndpoint serve(CertificateLifecycle lifecycle) {
        server = new QuicServer(new JcaCryptoProvider(), new QuicConfig(), lifecycle,
                Map.of(EchoHandler.ALPN, EchoHandler::new));
        server.addHashesListener(heard::add);
        return start();
    }

    private UdpEndpoint start() {
        DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        closeables.add(udp);
        thread = new Thread(() -> server.serve(udp), "quic-server");
        thread.start();
        return udp.localEndpoint();
    }

    /** Waits until the listener heard more than {@code mark} changes and returns the last one. */
    private List<PublishedCertificate> waitForHeard(int mark) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (heard.size() > mark) {
                return heard.get(heard.size() - 1);
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the server loop did not publish new hashes; heard " + heard);
    }

    private Client connect(UdpEndpoint server, List<PublishedCertificate> pins) {
        DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        closeables.add(udp);
        Client client = new Client();
        client.quic = new QuicClient(new JcaCryptoProvider(), new QuicConfig(), udp);
        CertificateTrust pinned = TlsCertificates.pinnedHashes(pins);
        CertificateTrust recording = (chain, name) -> {
            client.certificateDer = chain.get(0);
            return pinned.trusted(chain, name);
        };
        client.connection = client.quic.connect(server, new TlsClientConfig("localhost", List.of(EchoHandler.ALPN), recording));
        Connection c = client.connection;
        client.quic.runUntil(c, () -> c.isHandshakeComplete() || c.isClosed() || c.state() == Connection.State.DRAINING
                || c.state() == Connection.State.CLOSING, 5000, e -> { });
        if (!c.isHandshakeComplete()) {
            client.failure = "no handshake: " + c.state();
        }
        return client;
    }

    private static void assertEcho(Client client, String text) {
        Connection c = client.connection;
        byte[] sent = text.getBytes(StandardCharsets.UTF_8);
        long id = c.openStream(true);
        assertEquals(sent.length, c.write(id, sent, 0, sent.length));
        c.finish(id);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        boolean[] fin = new boolean[1];
        assertTrue(client.quic.runUntil(c, () -> {
            int n;
            while (!fin[0] && (n = c.read(id, buf, 0, buf.length)) != 0) {
                if (n < 0) fin[0] = true;
                else got.write(buf, 0, n);
            }
            return fin[0];
        }, 5000, e -> { }), "echo '" + text + "' on a connection in state " + c.state());
        assertArrayEquals(sent, got.toByteArray());
        assertFalse(c.isClosed());
    }

    private static final class Client {
        QuicClient quic;
        Connection connection;
        byte[] certificateDer;
        String failure;

        PublishedCertificate served() {
            assertNotEquals(null, certificateDer, "the client saw no certificate");
            return PublishedCertificate.ofDer(certificateDer);
        }
    }
}
