package dev.socketiwa.quic.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketiwa.quic.packet.ConnectionId;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 9001 §6.6: packets per key stay under the confidentiality limit; forgeries end at the integrity limit. */
class KeyLimitsTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void keysAreUpdatedBeforeTheConfidentialityLimit() {
        QuicConfig cfg = new QuicConfig();
        cfg.keyUpdateAfterPackets = 100;
        cfg.confidentialityLimit = 400;
        // An update waits one round trip for the peer's ACK of the current phase: keep a round trip's worth of packets
        // (here bounded by 64 KiB flow-control windows) well under the 300 packets of margin.
        cfg.initialMaxData = cfg.maxConnectionWindow = 64 * 1024;
        cfg.initialMaxStreamData = cfg.maxStreamWindow = 64 * 1024;
        Pair p = new Pair(41, cfg);
        assertTrue(p.handshake(5 * SECOND));
        EchoClient c = new EchoClient(p.conn, 2, 600_000, 4);
        p.net.app(c);
        long[] most = {0, 0};
        p.net.app(now -> {
            most[0] = Math.max(most[0], p.conn.packetsOnWriteKey());
            if (p.serverConn() != null) most[1] = Math.max(most[1], p.serverConn().packetsOnWriteKey());
        });
        assertTrue(p.net.runUntil(c::allDone, 60 * SECOND), "transfer under frequent key updates: client "
                + p.clientClose() + " server " + p.serverClose() + " updates " + p.conn.keyUpdates() + "/"
                + p.serverConn().keyUpdates() + " on key " + p.conn.packetsOnWriteKey() + "/" + p.serverConn().packetsOnWriteKey());
        for (int i = 0; i < 2; i++) assertArrayEquals(c.payloads[i], c.received[i].toByteArray());
        // ~1000 packets each way at 100 per key: about ten updates, started by either side when its count is due
        assertTrue(p.conn.keyUpdates() >= 8, "client saw " + p.conn.keyUpdates() + " key updates");
        assertTrue(p.serverConn().keyUpdates() >= 8, "server saw " + p.serverConn().keyUpdates() + " key updates");
        assertTrue(most[0] < 400 && most[1] < 400, "packets on one key: client " + most[0] + ", server " + most[1]);
        assertNull(p.serverClose());
        assertNull(p.clientClose());
    }

    @Test
    void withoutAKeyUpdateTheConnectionClosesAtTheConfidentialityLimit() {
        QuicConfig cfg = new QuicConfig();
        cfg.confidentialityLimit = 200;
        cfg.keyUpdateAfterPackets = 1_000_000; // never in time
        Pair p = new Pair(42, cfg);
        assertTrue(p.handshake(5 * SECOND));
        EchoClient c = new EchoClient(p.conn, 1, 1_000_000, 5);
        p.net.app(c);
        assertTrue(p.net.runUntil(() -> p.clientClose() != null, 30 * SECOND));
        ConnectionEvent e = p.clientClose();
        assertNotNull(e);
        // whichever side reached its limit first closed with AEAD_LIMIT_REACHED, the other learnt it from the peer
        assertEquals("AEAD_LIMIT_REACHED", TransportError.name(e.errorCode), e.reason);
        assertTrue(p.conn.nextApplicationPacketNumber() <= 200, "client sent " + p.conn.nextApplicationPacketNumber());
        assertTrue(p.serverConn().nextApplicationPacketNumber() <= 200,
                "server sent " + p.serverConn().nextApplicationPacketNumber());
    }

    @Test
    void forgeriesBeyondTheIntegrityLimitCloseTheConnection() {
        QuicConfig cfg = new QuicConfig();
        cfg.integrityLimit = 5;
        Pair p = new Pair(43, cfg);
        assertTrue(p.handshake(5 * SECOND));
        ConnectionId dcid = p.serverConn().localConnectionIds().get(0);
        Random r = new Random(7);
        for (int i = 0; i < 5; i++) p.server.handleDatagram(p.net.now, garbage(dcid, r), 0, 60, "client");
        assertNull(p.serverClose(), "at the limit the connection lives on");
        EchoClient c = new EchoClient(p.conn, 1, 10_000, 6);
        p.net.app(c);
        assertTrue(p.net.runUntil(c::allDone, 10 * SECOND), "still usable after 5 forgeries");
        p.server.handleDatagram(p.net.now, garbage(dcid, r), 0, 60, "client");
        ConnectionEvent e = p.serverClose();
        assertNotNull(e, "the sixth forgery must close");
        assertEquals("AEAD_LIMIT_REACHED", TransportError.name(e.errorCode));
        assertTrue(p.net.runUntil(() -> p.clientClose() != null, 5 * SECOND));
        assertEquals("AEAD_LIMIT_REACHED", TransportError.name(p.clientClose().errorCode));
    }

    /** A short-header packet for the connection's CID whose payload cannot authenticate. */
    private static byte[] garbage(ConnectionId dcid, Random r) {
        byte[] b = new byte[60];
        r.nextBytes(b);
        b[0] = (byte) (0x40 | (b[0] & 0x3f));
        dcid.writeTo(b, 1);
        return b;
    }
}
