package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.Providers;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.crypto.portable.PortableCryptoProvider;
import dev.socketiwa.quic.testing.RealTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our client and server with the real TLS 1.3 engines over the in-memory network. */
class RealTlsConnectionTest {
    private static final long SECOND = 1_000_000_000L;

    static java.util.stream.Stream<CryptoProvider> providers() {
        return Providers.both();
    }

    private static Pair pair(long seed, CryptoProvider crypto, String clientAlpn, CipherSuite... serverSuites) {
        return pair(seed, new QuicConfig(), crypto, clientAlpn, serverSuites);
    }

    private static Pair pair(long seed, QuicConfig config, CryptoProvider crypto, String clientAlpn, CipherSuite... serverSuites) {
        return new Pair(seed, config, RealTls.client(crypto, clientAlpn),
                RealTls.server(crypto, "echo", serverSuites), new CryptoKeys(crypto));
    }

    @Test
    void serverRequiringRetryValidatesTheAddressFirst() {
        CryptoProvider crypto = new JcaCryptoProvider(Providers.seeded(6));
        QuicConfig cfg = new QuicConfig();
        cfg.requireRetry = true;
        Pair p = pair(7, cfg, crypto, "echo");
        int[] retries = {0};
        p.net.observer = d -> {
            if (d.from.equals("server") && (d.data[0] & 0xf0) == 0xf0) retries[0]++;
        };
        assertTrue(p.handshake(5 * SECOND), "handshake after Retry: " + p.clientEvents);
        assertEquals(1, retries[0]);
        assertTrue(p.serverConn().isAddressValidated());
        assertEquals(1, p.server.connectionCount());
        EchoClient c = new EchoClient(p.conn, 1, 20_000, 1);
        p.net.app(c);
        assertTrue(p.net.runUntil(c::allDone, 10 * SECOND));
    }

    @Test
    void retryTokenFromAnotherAddressIsRefused() {
        CryptoProvider crypto = new JcaCryptoProvider(Providers.seeded(8));
        QuicConfig cfg = new QuicConfig();
        cfg.requireRetry = true;
        Pair p = pair(9, cfg, crypto, "echo");
        // every client datagram after the Retry appears to come from elsewhere: its token must not be accepted
        int[] clientSent = {0};
        p.net.rewriteFrom = f -> f.equals("client") && clientSent[0]++ > 0 ? "elsewhere" : f;
        p.net.alias("elsewhere", "client");
        assertTrue(!p.handshake(5 * SECOND));
        assertEquals(0, p.server.connectionCount());
    }

    @ParameterizedTest
    @MethodSource("providers")
    void handshakeAndEchoWithRealTls(CryptoProvider crypto) {
        Pair p = pair(1, crypto, "echo");
        assertTrue(p.handshake(5 * SECOND), "handshake: " + p.clientEvents + " / " + p.serverClose());
        assertEquals("echo", p.conn.alpn());
        EchoClient c = new EchoClient(p.conn, 3, 100_000, 7);
        p.net.app(c);
        assertTrue(p.net.runUntil(c::allDone, 60 * SECOND));
        for (int i = 0; i < 3; i++) assertArrayEquals(c.payloads[i], c.received[i].toByteArray());
    }

    @Test
    void chacha20WhenTheServerPrefersIt() {
        CryptoProvider crypto = new PortableCryptoProvider(Providers.seeded(3));
        Pair p = pair(2, crypto, "echo", CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_128_GCM_SHA256);
        assertTrue(p.handshake(5 * SECOND));
        EchoClient c = new EchoClient(p.conn, 1, 50_000, 8);
        p.net.app(c);
        assertTrue(p.net.runUntil(c::allDone, 60 * SECOND));
        assertArrayEquals(c.payloads[0], c.received[0].toByteArray());
    }

    @Test
    void realHandshakeSurvives30PercentLoss() {
        CryptoProvider crypto = new JcaCryptoProvider(Providers.seeded(4));
        for (long seed = 1; seed <= 8; seed++) {
            Pair p = pair(seed, crypto, "echo");
            p.net.loss = 0.3;
            assertTrue(p.handshake(120 * SECOND), "seed " + seed);
        }
    }

    @Test
    void alpnMismatchClosesWithTheTlsAlert() {
        CryptoProvider crypto = new JcaCryptoProvider(Providers.seeded(5));
        Pair p = pair(3, crypto, "h3");
        assertTrue(p.net.runUntil(() -> p.clientClose() != null, 5 * SECOND));
        // no_application_protocol (120) as CRYPTO_ERROR 0x0100 + 120
        assertEquals(0x0100 + 120, p.clientClose().errorCode, p.clientClose().reason);
    }
}
