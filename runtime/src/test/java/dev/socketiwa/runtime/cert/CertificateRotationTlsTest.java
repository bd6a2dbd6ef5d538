package dev.socketiwa.runtime.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.EncryptionLevel;
import dev.socketiwa.quic.crypto.PacketProtection;
import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.crypto.portable.PortableCryptoProvider;
import dev.socketiwa.quic.tls.TlsAlertException;
import dev.socketiwa.quic.tls.TlsClient;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.tls.TlsEngine;
import dev.socketiwa.quic.tls.TlsListener;
import dev.socketiwa.quic.tls.TlsServer;

/**
 * Rotation seen by TLS clients that pin hashes the way WebTransport's serverCertificateHashes does: TLS 1.3 handshakes
 * (our engine, in memory, no QUIC transport yet) before, during and after the overlap.
 */
class CertificateRotationTlsTest {
    static final long DAY = CertificateRequest.DAY_MILLIS;
    static final long T0 = 1_795_000_000_000L;

    private final CertificateGenerator generator = new CertificateGenerator(new SecureRandomSource());
    private final CryptoProvider serverCrypto = new PortableCryptoProvider(new SecureRandomSource());
    private final CryptoProvider clientCrypto = new JcaCryptoProvider(new SecureRandomSource());

    @Test
    void clientsPinningThePublishedHashesConnectBeforeDuringAndAfterTheOverlap() {
        CertificateLifecycle lifecycle = new CertificateLifecycle(new InMemoryCertificateStore(), generator);
        lifecycle.start(T0);
        long overlapStart = T0 + 10 * DAY;
        long switchAt = T0 + 13 * DAY - DAY * 3 / 2;
        long expiry = T0 + 13 * DAY;
        List<PublishedCertificate> beforeOverlap = lifecycle.publishedHashes(T0 + DAY);

        for (long now : new long[] {T0, overlapStart - 1, overlapStart, switchAt - 1, switchAt, expiry - 1, expiry,
            expiry + 9 * DAY}) {
            ServerCertificate served = lifecycle.select(now);
            Handshake h = handshake(served, lifecycle.publishedHashes(now));
            assertNull(h.failure, "at " + (now - T0) + " ms: " + h.failure);
            assertArrayEquals(served.der(), h.client.peerCertificates().get(0), "the certificate select() chose");
            assertTrue(served.isValidAt(now));

            // A client still holding the hash from before the overlap connects until the switch, not after it.
            Handshake stale = handshake(served, beforeOverlap);
            if (now < switchAt) {
                assertNull(stale.failure, "stale client at " + (now - T0) + " ms: " + stale.failure);
            } else {
                assertNotNull(stale.failure, "the old hash no longer matches what new connections get");
            }
        }
    }

    @Test
    void aWrongHashIsRefused() {
        CertificateLifecycle lifecycle = new CertificateLifecycle(new InMemoryCertificateStore(), generator);
        lifecycle.start(T0);
        ServerCertificate other = generator.generate(CertificateRequest.defaults(), T0);
        Handshake h = handshake(lifecycle.select(T0), List.of(other.published()));
        assertNotNull(h.failure);
        assertEquals("client", h.failedSide);
    }

    @Test
    void aConnectionKeepsTheCertificateItStartedWith() {
        CertificateLifecycle lifecycle = new CertificateLifecycle(new InMemoryCertificateStore(), generator);
        lifecycle.start(T0);
        ServerCertificate atStart = lifecycle.select(T0);
        List<PublishedCertificate> pins = lifecycle.publishedHashes(T0);
        Handshake h = new Handshake(atStart, pins);
        h.client.start();
        h.pumpOnce(); // ClientHello reaches the server; the server answers with the certificate it was built with
        lifecycle.maintain(T0 + 13 * DAY); // rotation completes meanwhile
        h.pump();
        assertNull(h.failure, String.valueOf(h.failure));
        assertArrayEquals(atStart.der(), h.client.peerCertificates().get(0));
    }

    private Handshake handshake(ServerCertificate served, List<PublishedCertificate> pins) {
        Handshake h = new Handshake(served, pins);
        h.client.start();
        h.pump();
        if (h.failure == null) {
            assertTrue(h.client.isHandshakeComplete() && h.server.isHandshakeComplete(), "both ends complete");
        }
        return h;
    }

    /** Client and server TLS engines joined in memory; CRYPTO bytes are delivered outside the callbacks. */
    private final class Handshake {
        final Side clientSide = new Side();
        final Side serverSide = new Side();
        final TlsClient client;
        final TlsServer server;
        TlsAlertException failure;
        String failedSide;

        Handshake(ServerCertificate served, List<PublishedCertificate> pins) {
            byte[] tp = "tp".getBytes(StandardCharsets.US_ASCII);
            client = new TlsClient(new TlsClientConfig("localhost", List.of("h3"), TlsCertificates.pinnedHashes(pins)),
                    clientCrypto, tp, clientSide);
            server = new TlsServer(TlsCertificates.serverConfig(served, serverCrypto).alpn("h3"), serverCrypto, tp,
                    serverSide);
        }

        void pump() {
            for (int i = 0; i < 50 && failure == null; i++) {
                if (!pumpOnce()) {
                    return;
                }
            }
        }

        boolean pumpOnce() {
            boolean moved = deliver(clientSide, server, "server");
            return deliver(serverSide, client, "client") | moved;
        }

        private boolean deliver(Side from, TlsEngine to, String toName) {
            boolean moved = false;
            Object[] item;
            while (failure == null && (item = from.outbox.poll()) != null) {
                moved = true;
                byte[] data = (byte[]) item[1];
                try {
                    to.receive((EncryptionLevel) item[0], data, 0, data.length);
                } catch (TlsAlertException e) {
                    failure = e;
                    failedSide = toName;
                }
            }
            return moved;
        }
    }

    private static final class Side implements TlsListener {
        final ArrayDeque<Object[]> outbox = new ArrayDeque<>();

        @Override
        public void sendCrypto(EncryptionLevel level, byte[] data, int off, int len) {
            outbox.add(new Object[] {level, Arrays.copyOfRange(data, off, off + len)});
        }

        @Override
        public void installKeys(EncryptionLevel level, PacketProtection read, PacketProtection write) {
        }

        @Override
        public void handshakeComplete() {
        }
    }
}
