package dev.socketiwa.quic.transport;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacingTest {
    @Test
    void bulkDataLeavesInSmallBurstsSpreadOverTheRtt() {
        Pair p = new Pair(51);
        p.net.delay = 25_000_000L; // 50 ms RTT: a full window would otherwise leave at one instant
        assertTrue(p.handshake(5_000_000_000L));
        Map<Long, Integer> perInstant = new HashMap<>();
        p.net.observer = d -> {
            if (d.from.equals("client") && d.data.length >= 1000) perInstant.merge(p.net.now, 1, Integer::sum);
        };
        EchoClient c = new EchoClient(p.conn, 1, 3_000_000, 9);
        p.net.app(c);
        assertTrue(p.net.runUntil(c::allDone, 120_000_000_000L));
        assertArrayEquals(c.payloads[0], c.received[0].toByteArray());
        int maxBurst = perInstant.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        assertTrue(p.conn.congestionWindow() > 40 * 1200, "window " + p.conn.congestionWindow());
        assertTrue(maxBurst <= 12, "largest burst " + maxBurst + " datagrams at one instant");
        assertTrue(perInstant.size() > 1000, "sends spread over " + perInstant.size() + " instants");
    }
}
