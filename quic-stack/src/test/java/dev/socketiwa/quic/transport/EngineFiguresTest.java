package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.Providers;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.testing.RealTls;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * First JVM figures of the engine alone (in-memory network, real TLS, JCA crypto): handshakes per second and
 * single-connection echo throughput. Printed for the notes, never asserted (speed belongs to the benchmarks).
 */
class EngineFiguresTest {
    @Test
    void handshakesPerSecondAndEchoThroughputInMemory() {
        CryptoProvider crypto = new JcaCryptoProvider(Providers.seeded(11));
        int warm = 30;
        int n = 100;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = 0;
        for (int i = 0; i < warm + n; i++) {
            if (i == warm) t0 = cpu.getCurrentThreadCpuTime();
            Pair p = new Pair(i, new QuicConfig(), RealTls.client(crypto, "echo"), RealTls.server(crypto, "echo"),
                    crypto::initialKeys);
            p.net.delay = 0;
            assertTrue(p.handshake(1_000_000_000L));
        }
        double perSecond = n / ((cpu.getCurrentThreadCpuTime() - t0) / 1e9);

        Pair p = new Pair(1, new QuicConfig(), RealTls.client(crypto, "echo"), RealTls.server(crypto, "echo"),
                crypto::initialKeys);
        p.net.delay = 100_000; // 0.1 ms one way
        assertTrue(p.handshake(1_000_000_000L));
        int size = 8 << 20;
        EchoClient c = new EchoClient(p.conn, 1, size, 5);
        p.net.app(c);
        long e0 = cpu.getCurrentThreadCpuTime();
        assertTrue(p.net.runUntil(c::allDone, 600_000_000_000L));
        long nanos = cpu.getCurrentThreadCpuTime() - e0;
        assertArrayEquals(c.payloads[0], c.received[0].toByteArray());
        System.out.printf("engine in memory (JCA, 1200-byte datagrams, both ends on one thread, per CPU second): %.0f handshakes/s; "
                + "echo of %d MiB on one stream: %.0f Mbit/s each way%n", perSecond, size >> 20, size * 8.0 / nanos * 1000);
    }
}
