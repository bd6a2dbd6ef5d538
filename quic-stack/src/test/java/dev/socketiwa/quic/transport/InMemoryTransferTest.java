package dev.socketiwa.quic.transport;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryTransferTest {
    private static final long SECOND = 1_000_000_000L;

    private static void echo(Pair p, int streams, int size, long maxSeconds) {
        EchoClient c = new EchoClient(p.conn, streams, size, 42);
        p.net.app(c);
        assertTrue(p.net.runUntil(c::allDone, maxSeconds * SECOND), "echo did not finish: " + p.conn.state()
                + " events " + p.clientEvents);
        for (int i = 0; i < streams; i++) {
            assertArrayEquals(c.payloads[i], c.received[i].toByteArray(), "stream " + i);
        }
    }

    @Test
    void echoOnSeveralStreamsIsByteIdentical() {
        Pair p = new Pair(11);
        echo(p, 4, 200_000, 60);
    }

    @Test
    void echoUnderBurstyLossReorderingAndDuplication() {
        for (long seed = 1; seed <= 3; seed++) {
            Pair p = new Pair(seed);
            p.net.loss = 0.02;
            p.net.burst = 3;
            p.net.jitter = 8_000_000L;
            p.net.duplicate = 0.02;
            echo(p, 3, 300_000, 300);
            assertTrue(p.net.dropped > 0);
        }
    }

    @Test
    void multiMegabyteTransferGrowsTheFlowControlWindows() {
        QuicConfig cfg = new QuicConfig();
        cfg.initialMaxData = 64 * 1024;
        cfg.initialMaxStreamData = 32 * 1024;
        Pair p = new Pair(12, cfg);
        p.net.delay = 20_000_000L;
        echo(p, 1, 4_000_000, 600);
    }

    @Test
    void manyStreamsBeyondTheInitialLimitAreOpenedAsTheServerRaisesIt() {
        QuicConfig cfg = new QuicConfig();
        cfg.maxStreamsBidi = 4;
        Pair p = new Pair(13, cfg);
        echo(p, 25, 1000, 60);
    }

    @Test
    void aRefusedUniStreamOpenHearsWhenThePeerAllowsMore() {
        QuicConfig cfg = new QuicConfig();
        cfg.maxStreamsUni = 2;
        Pair p = new Pair(16, cfg);
        assertTrue(p.handshake(5 * SECOND));
        byte[] data = {1, 2, 3};
        for (int i = 0; i < 2; i++) {
            long id = p.conn.openStream(false);
            assertEquals(2 + 4 * i, id);
            assertEquals(3, p.conn.write(id, data, 0, 3));
            p.conn.finish(id);
        }
        assertEquals(-1, p.conn.openStream(false), "the server allows two unidirectional streams at first");
        assertTrue(p.net.runUntil(() -> p.clientEvents.stream().anyMatch(e -> e.kind == ConnectionEvent.Kind.STREAMS_AVAILABLE),
                5 * SECOND), "no STREAMS_AVAILABLE after the server read both streams: " + p.clientEvents);
        ConnectionEvent e = p.clientEvents.stream().filter(x -> x.kind == ConnectionEvent.Kind.STREAMS_AVAILABLE)
                .findFirst().orElseThrow();
        assertEquals(10, e.streamId, "the next unidirectional client stream");
        assertEquals(10, p.conn.openStream(false));
    }

    @Test
    void noStreamsAvailableEventWhileTheLimitWasNeverReached() {
        QuicConfig cfg = new QuicConfig();
        cfg.maxStreamsBidi = 4;
        Pair p = new Pair(17, cfg);
        echo(p, 2, 1000, 60);
        assertTrue(p.clientEvents.stream().noneMatch(e -> e.kind == ConnectionEvent.Kind.STREAMS_AVAILABLE),
                p.clientEvents.toString());
    }

    @Test
    void datagramsAreEchoed() {
        Pair p = new Pair(14);
        assertTrue(p.handshake(5 * SECOND));
        assertTrue(p.conn.maxDatagramPayload() > 1000);
        for (int i = 0; i < 10; i++) {
            byte[] d = new byte[100 + i];
            Arrays.fill(d, (byte) i);
            assertTrue(p.conn.sendDatagram(d, 0, d.length));
        }
        assertTrue(p.net.runUntil(() -> p.clientEvents.stream().filter(e -> e.kind == ConnectionEvent.Kind.DATAGRAM).count() == 10,
                5 * SECOND));
        int i = 0;
        for (ConnectionEvent e : p.clientEvents) {
            if (e.kind != ConnectionEvent.Kind.DATAGRAM) continue;
            assertEquals(100 + i, e.data.length);
            assertEquals(i, e.data[0]);
            i++;
        }
        byte[] big = new byte[p.conn.maxDatagramPayload() + 1];
        assertTrue(!p.conn.sendDatagram(big, 0, big.length));
    }

    @Test
    void applicationCloseReachesThePeer() {
        Pair p = new Pair(15);
        assertTrue(p.handshake(5 * SECOND));
        p.conn.close(p.net.now, 77, "done");
        assertTrue(p.net.runUntil(() -> p.serverClose() != null, 5 * SECOND));
        ConnectionEvent e = p.serverClose();
        assertEquals(77, e.errorCode);
        assertTrue(e.application);
        assertEquals("done", e.reason);
        assertTrue(p.net.runUntil(() -> p.conn.isClosed() && p.server.connectionCount() == 0, 10 * SECOND));
    }

    @Test
    void streamResetAndStopSendingReachThePeer() {
        Pair p = new Pair(16);
        assertTrue(p.handshake(5 * SECOND));
        long id = p.conn.openStream(true);
        p.conn.write(id, new byte[5000], 0, 5000);
        p.net.runUntil(() -> false, SECOND);
        p.conn.resetStream(id, 9);
        p.conn.stopSending(id, 10);
        // The echo server sees the reset; our STOP_SENDING makes it reset its half with our code.
        assertTrue(p.net.runUntil(() -> p.clientEvents.stream().anyMatch(e -> e.kind == ConnectionEvent.Kind.STREAM_RESET
                && e.errorCode == 10), 5 * SECOND));
        assertEquals(Connection.State.ESTABLISHED, p.conn.state());
    }
}
