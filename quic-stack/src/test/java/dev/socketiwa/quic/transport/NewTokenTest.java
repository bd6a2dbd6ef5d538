package dev.socketiwa.quic.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.Providers;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.testing.RealTls;
import org.junit.jupiter.api.Test;

/**
 * NEW_TOKEN end to end over the in-memory network with real TLS: the server sends one after the handshake, the client
 * endpoint keeps it and presents it in its next Initial, and the server then skips Retry and the amplification limit.
 */
class NewTokenTest {
    private static final long SECOND = 1_000_000_000L;

    private final CryptoProvider crypto = new JcaCryptoProvider(Providers.seeded(21));
    private final int[] retries = {0};

    private Pair pair(QuicConfig cfg) {
        Pair p = new Pair(5, cfg, RealTls.client(crypto, "echo"), RealTls.server(crypto, "echo"), new CryptoKeys(crypto));
        p.net.observer = d -> {
            if (d.from.equals("server") && (d.data[0] & 0xf0) == 0xf0) retries[0]++;
        };
        return p;
    }

    private static QuicConfig requireRetry() {
        QuicConfig cfg = new QuicConfig();
        cfg.requireRetry = true;
        return cfg;
    }

    private Connection connectAgain(Pair p) {
        return p.client.connect(p.net.now, RealTls.client(crypto, "echo"), "server");
    }

    @Test
    void clientReusesTheNewTokenAndSkipsRetry() {
        Pair p = pair(requireRetry());
        assertTrue(p.handshake(5 * SECOND));
        assertEquals(1, retries[0], "first connection: one Retry");
        assertTrue(p.net.runUntil(() -> p.client.storedToken("server") != null, 2 * SECOND), "no NEW_TOKEN arrived");

        Connection second = connectAgain(p);
        assertNull(p.client.storedToken("server"), "a token is presented once");
        assertTrue(p.net.runUntil(() -> second.isHandshakeConfirmed() && p.echo.connections.size() == 2
                && p.echo.connections.get(1).isHandshakeConfirmed(), 5 * SECOND));
        assertEquals(1, retries[0], "second connection must not be sent a Retry");
        assertNull(second.peerTransportParameters().retrySourceConnectionId);
        assertTrue(p.echo.connections.get(1).isAddressValidated());
        EchoClient c = new EchoClient(second, 1, 30_000, 3);
        p.net.app(c);
        assertTrue(p.net.runUntil(c::allDone, 10 * SECOND));
        // The second server connection sent a fresh token, ready for a third connection.
        assertTrue(p.net.runUntil(() -> p.client.storedToken("server") != null, 2 * SECOND));
    }

    @Test
    void newTokenLiftsTheAmplificationLimitWithoutRetry() {
        QuicConfig cfg = new QuicConfig();
        cfg.addressValidation = AddressValidationPolicy.never();
        Pair p = pair(cfg);
        assertTrue(p.handshake(5 * SECOND));
        assertTrue(p.net.runUntil(() -> p.client.storedToken("server") != null, 2 * SECOND));
        Connection second = connectAgain(p);
        // Let only the client's first Initial through: the server validated the address from the token alone.
        assertTrue(p.net.runUntil(() -> p.echo.connections.size() == 2, 2 * SECOND));
        assertTrue(p.echo.connections.get(1).isAddressValidated(), "NEW_TOKEN token must count as validation");
        assertTrue(p.net.runUntil(second::isHandshakeConfirmed, 5 * SECOND));
        assertEquals(0, retries[0]);
    }

    @Test
    void withoutATokenTheAddressIsNotValidatedUpFront() {
        QuicConfig cfg = new QuicConfig();
        cfg.addressValidation = AddressValidationPolicy.never();
        cfg.newTokenLifetimeMillis = 0; // no NEW_TOKEN
        Pair p = pair(cfg);
        assertTrue(p.net.runUntil(() -> !p.echo.connections.isEmpty(), 2 * SECOND));
        assertFalse(p.echo.connections.get(0).isAddressValidated());
        assertTrue(p.handshake(5 * SECOND));
        p.net.runUntil(() -> false, SECOND / 2); // time for a NEW_TOKEN frame, if one were sent
        assertNull(p.client.storedToken("server"), "newTokenLifetimeMillis 0 must send no NEW_TOKEN");
    }

    @Test
    void forgedUnknownAndReplayedTokensFallBackToRetry() {
        Pair p = pair(requireRetry());
        assertTrue(p.handshake(5 * SECOND));
        byte[] real = p.client.storedToken("server");
        assertNotNull(real);
        assertEquals(1, retries[0]);
        byte[] forged = real.clone();
        forged[forged.length - 1] ^= 1;

        assertEquals(1, retriesFor(p, forged), "forged NEW_TOKEN token");
        assertEquals(1, retriesFor(p, new byte[]{1, 2, 3}), "a token that is not ours");
        assertEquals(0, retriesFor(p, real), "the real token, first use");
        assertEquals(1, retriesFor(p, real), "the real token again: spent");
    }

    /** Connects once more presenting the token and returns how many Retries that took. */
    private int retriesFor(Pair p, byte[] token) {
        p.client.rememberToken("server", token);
        int before = retries[0];
        Connection c = connectAgain(p);
        assertTrue(p.net.runUntil(c::isHandshakeConfirmed, 5 * SECOND));
        return retries[0] - before;
    }

    @Test
    void newTokenFromAnotherHostIsNotHonoured() {
        Pair p = pair(requireRetry());
        assertTrue(p.handshake(5 * SECOND));
        byte[] token = p.client.storedToken("server");
        assertNotNull(token);
        // The same token presented by another host: sealed to "client", so the server asks "mallory" for a Retry.
        java.util.Random r = new java.util.Random(99);
        Endpoint other = new Endpoint(p.config, null, new CryptoKeys(crypto), (b, off, len) -> {
            for (int i = 0; i < len; i++) b[off + i] = (byte) r.nextInt();
        }, "x".getBytes(), 10);
        p.net.add("mallory", other);
        other.rememberToken("server", token);
        Connection c = other.connect(p.net.now, RealTls.client(crypto, "echo"), "server");
        assertTrue(p.net.runUntil(c::isHandshakeConfirmed, 5 * SECOND));
        assertEquals(2, retries[0]);
    }

    @Test
    void anInvalidRetryTokenIsAnsweredWithInvalidToken() {
        Pair p = pair(requireRetry());
        // Every client datagram after the first appears to come from elsewhere, so the Retry token does not match.
        int[] clientSent = {0};
        p.net.rewriteFrom = f -> f.equals("client") && clientSent[0]++ > 0 ? "elsewhere" : f;
        p.net.alias("elsewhere", "client");
        assertTrue(p.net.runUntil(() -> p.clientClose() != null, 5 * SECOND), "the client must learn at once");
        assertEquals("INVALID_TOKEN", TransportError.name(p.clientClose().errorCode), p.clientClose().reason);
        assertEquals(0, p.server.connectionCount(), "no state kept for it");
        assertEquals(1, retries[0]);
    }

    @Test
    void underLoadPolicyRetriesOnlyBeyondTheLimit() {
        QuicConfig cfg = new QuicConfig();
        cfg.addressValidation = AddressValidationPolicy.underLoad(1);
        cfg.newTokenLifetimeMillis = 0;
        Pair p = pair(cfg);
        // A second client starts while the first handshake is in progress: it is the one beyond the limit.
        Connection second = connectAgain(p);
        assertTrue(p.handshake(5 * SECOND));
        assertTrue(p.net.runUntil(second::isHandshakeConfirmed, 5 * SECOND));
        assertEquals(1, retries[0], "exactly the handshake beyond the limit gets a Retry");
        int before = retries[0];
        Connection third = connectAgain(p); // no handshake in progress now
        assertTrue(p.net.runUntil(third::isHandshakeConfirmed, 5 * SECOND));
        assertEquals(before, retries[0]);
    }
}
