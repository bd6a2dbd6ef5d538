package dev.socketiwa.quic.transport;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryHandshakeTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void handshakeCompletesAndIsConfirmedOnBothSides() {
        Pair p = new Pair(1);
        assertTrue(p.handshake(5 * SECOND));
        assertEquals("echo", p.conn.alpn());
        assertEquals(Connection.State.ESTABLISHED, p.conn.state());
        assertEquals(Connection.State.ESTABLISHED, p.serverConn().state());
        assertEquals(ConnectionEvent.Kind.HANDSHAKE_COMPLETE, p.clientEvents.get(0).kind);
        // both sides issued extra connection IDs up to the peer's limit
        p.net.runUntil(() -> false, SECOND);
        assertEquals(4, p.serverConn().localConnectionIds().size());
        assertEquals(4, p.conn.localConnectionIds().size());
    }

    @Test
    void handshakeSurvives30PercentLoss() {
        long dropped = 0;
        long delivered = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Pair p = new Pair(seed);
            p.net.loss = 0.30;
            assertTrue(p.handshake(120 * SECOND), "seed " + seed);
            dropped += p.net.dropped;
            delivered += p.net.delivered;
        }
        double rate = (double) dropped / (dropped + delivered);
        assertTrue(rate > 0.2 && rate < 0.4, "loss rate " + rate);
    }

    @Test
    void serverNeverExceedsThreeTimesWhatItReceivedBeforeValidation() {
        for (long seed = 1; seed <= 5; seed++) {
            Pair p = new Pair(seed);
            long[] clientToServer = {0};
            long[] serverSent = {0};
            // Only the client's very first datagram gets through: the server must then stay within 3x of 1200 bytes.
            p.net.filter = d -> !d.from.equals("client") || clientToServer[0]++ == 0;
            p.net.observer = d -> {
                if (d.from.equals("server")) serverSent[0] += d.data.length;
            };
            p.net.runUntil(() -> false, 30 * SECOND);
            assertNotNull(p.serverConn());
            assertTrue(serverSent[0] > 1200, "server sent " + serverSent[0]);
            assertTrue(serverSent[0] <= 3 * 1200, "server sent " + serverSent[0] + " for 1200 received");
        }
    }

    @Test
    void amplificationLimitHoldsUnderLossAndIsLiftedByValidation() {
        Pair p = new Pair(9);
        p.net.loss = 0.3;
        p.net.observer = d -> {
            Connection s = p.serverConn();
            if (d.from.equals("server") && s != null && !s.isAddressValidated()) {
                assertTrue(s.bytesSent() <= 3 * s.bytesReceived(), s.bytesSent() + " > 3 x " + s.bytesReceived());
            }
        };
        assertTrue(p.handshake(120 * SECOND));
        assertTrue(p.serverConn().isAddressValidated());
    }

    @Test
    void idleConnectionsTimeOutOnBothSides() {
        QuicConfig cfg = new QuicConfig();
        cfg.maxIdleTimeoutMillis = 5_000;
        Pair p = new Pair(3, cfg);
        assertTrue(p.handshake(5 * SECOND));
        long start = p.net.now;
        p.net.filter = d -> false;
        assertTrue(p.net.runUntil(() -> p.conn.isClosed() && p.server.connectionCount() == 0, 60 * SECOND));
        long took = p.net.now - start;
        assertTrue(took >= 5 * SECOND && took < 7 * SECOND, "idle close after " + took);
        assertEquals("idle timeout", p.clientClose().reason);
        assertEquals("idle timeout", p.serverClose().reason);
    }

    @Test
    void unknownVersionGetsVersionNegotiation() {
        Pair p = new Pair(4);
        byte[] dgram = new byte[1200];
        dgram[0] = (byte) 0xc0;
        dgram[1] = 0x1a; dgram[2] = 0x2a; dgram[3] = 0x3a; dgram[4] = 0x4a;
        dgram[5] = 8;
        for (int i = 0; i < 8; i++) dgram[6 + i] = (byte) (i + 1);
        dgram[14] = 4;
        byte[] out = new byte[1500];
        p.server.handleDatagram(p.net.now, dgram, 0, dgram.length, "x");
        int n = p.server.pollTransmit(p.net.now, out);
        dev.socketiwa.quic.packet.Header h = new dev.socketiwa.quic.packet.Header();
        assertTrue(h.parse(out, 0, n, 8));
        assertEquals(dev.socketiwa.quic.packet.PacketType.VERSION_NEGOTIATION, h.type);
        assertEquals(4, h.dcidLen); // the client's SCID echoed
        assertEquals(1, dev.socketiwa.quic.packet.VersionNegotiation.versions(out, h)[0]);
        assertEquals("x", p.server.transmitRemote());
        assertEquals(0, p.server.connectionCount());
    }

    @Test
    void smallInitialsAreIgnored() {
        Pair p = new Pair(5);
        byte[] out = new byte[1500];
        int n = p.client.pollTransmit(p.net.now, out);
        assertEquals(1200, n);
        p.server.handleDatagram(p.net.now, out, 0, 1199, "client");
        assertEquals(0, p.server.connectionCount());
        p.server.handleDatagram(p.net.now, out, 0, 1200, "client");
        assertEquals(1, p.server.connectionCount());
    }

    @Test
    void serverThatLostStateAnswersWithStatelessReset() {
        Pair p = new Pair(6);
        assertTrue(p.handshake(5 * SECOND));
        // A new endpoint with the same reset secret but no connections, at the server's address.
        Endpoint amnesiac = new Endpoint(p.config, p.serverTls, dev.socketiwa.quic.testing.TestCrypto::initialKeys,
                (b, o, l) -> { }, "server secret".getBytes(), 10);
        p.net.filter = d -> !d.to.equals("server");
        byte[] out = new byte[1500];
        long id = p.conn.openStream(true);
        p.conn.write(id, new byte[100], 0, 100);
        int n = p.conn.pollTransmit(p.net.now, out);
        assertTrue(n > 0);
        amnesiac.handleDatagram(p.net.now, out, 0, n, "client");
        byte[] reset = new byte[1500];
        int rn = amnesiac.pollTransmit(p.net.now, reset);
        assertTrue(rn > 20 && rn < n);
        p.client.handleDatagram(p.net.now, reset, 0, rn, "server");
        assertEquals(Connection.State.DRAINING, p.conn.state());
        assertEquals("stateless reset", p.clientClose().reason);
    }
}
