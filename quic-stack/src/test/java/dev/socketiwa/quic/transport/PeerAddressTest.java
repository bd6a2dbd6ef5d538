package dev.socketiwa.quic.transport;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerAddressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void transferSurvivesNatRebinding() {
        Pair p = new Pair(41);
        p.net.alias("client-rebound", "client");
        assertTrue(p.handshake(5 * SECOND));
        EchoClient c = new EchoClient(p.conn, 2, 300_000, 2);
        p.net.app(c);
        p.net.runUntil(() -> false, SECOND / 20);
        p.net.rewriteFrom = f -> f.equals("client") ? "client-rebound" : f;
        assertTrue(p.net.runUntil(c::allDone, 60 * SECOND));
        for (int i = 0; i < 2; i++) assertArrayEquals(c.payloads[i], c.received[i].toByteArray());
        assertEquals("client-rebound", p.serverConn().remote());
    }

    @Test
    void replayedPacketsFromAnotherAddressDoNotRedirectTheConnection() {
        Pair p = new Pair(42);
        assertTrue(p.handshake(5 * SECOND));
        List<byte[]> captured = new ArrayList<>();
        p.net.observer = d -> {
            if (d.from.equals("client")) captured.add(d.data.clone());
        };
        long id = p.conn.openStream(true);
        p.conn.write(id, new byte[3000], 0, 3000);
        p.net.runUntil(() -> false, SECOND / 10);
        assertTrue(captured.size() > 0);
        for (byte[] d : captured) p.net.inject("victim", "server", d);
        p.net.runUntil(() -> false, SECOND / 10);
        assertEquals("client", p.serverConn().remote());
        assertEquals(Connection.State.ESTABLISHED, p.serverConn().state());
    }
}
