package dev.socketiwa.quic.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * RFC 9000 §10.2.1: an endpoint in the closing state answers what it receives with CONNECTION_CLOSE, but at a limited
 * rate. Two endpoints closing at once would otherwise bounce every packet in flight back and forth as a close until
 * their closing periods end.
 */
class ClosingRateTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void twoClosingEndpointsDoNotBounceClosesOffEachOther() {
        Pair p = new Pair(61);
        assertTrue(p.handshake(5 * SECOND));
        EchoClient c = new EchoClient(p.conn, 2, 2_000_000, 3);
        p.net.app(c);
        // Mid-transfer, hundreds of packets in flight both ways.
        p.net.runUntil(() -> p.conn.bytesSent() > 600_000 && p.serverConn().bytesSent() > 300_000, 30 * SECOND);
        int[] afterClose = {0};
        p.net.observer = d -> afterClose[0]++;
        p.conn.close(p.net.now, 0, "client done");
        p.serverConn().close(p.net.now, 0, "server done");
        assertTrue(p.net.runUntil(() -> p.conn.isClosed() && p.serverConn().isClosed(), 30 * SECOND));
        // Each side answers the 1st, 2nd, 4th, 8th ... packet it receives while closing: a few dozen datagrams at most.
        assertTrue(afterClose[0] < 60, afterClose[0] + " datagrams sent after both sides closed");
    }
}
