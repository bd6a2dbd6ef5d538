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
        return new Pair(seed, new QuicConfig(), RealTls.client(crypto, clientAlpn),
                RealTls.server(crypto, "echo", serverSuites), crypto::initialKeys);
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
