package dev.socketiwa.bench.quic;

import dev.socketiwa.quic.transport.Connection;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Handshakes per second: {@code parallel} threads, each with its own socket and our QuicClient, open connections one
 * after another for {@code seconds} (at most {@code maxHandshakes} in all): full 1-RTT handshake until the server's
 * HANDSHAKE_DONE, then CONNECTION_CLOSE sent at once. Client: runtime's QuicClient with the JCA provider, the same
 * client against every target.
 */
public final class HandshakeRate {
    public static final String KIND = "handshakes";

    private HandshakeRate() {
    }

    private static final long HANDSHAKE_TIMEOUT_MILLIS = 5_000;

    public static Measurement run(InetSocketAddress target, String alpn, int parallel, double seconds, long maxHandshakes)
            throws InterruptedException {
        QuicBenchLimits.check("parallel connections", parallel, 1, QuicBenchLimits.MAX_PARALLEL);
        QuicBenchLimits.check("seconds", seconds, 0.1, QuicBenchLimits.MAX_SECONDS);
        QuicBenchLimits.check("handshakes", maxHandshakes, 1, 1_000_000);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong started = new AtomicLong();
        List<Throwable> errors = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < parallel; t++) {
            Thread th = new Thread(() -> {
                try (ClientConnections client = new ClientConnections(target, alpn)) {
                    while (System.nanoTime() < deadline && started.incrementAndGet() <= maxHandshakes) {
                        // Every handshake started gets its whole timeout, even past the deadline, so one that
                        // fails is a real failure; the rate divides by the time until the last one ended.
                        Connection c = client.handshake(HANDSHAKE_TIMEOUT_MILLIS);
                        if (c == null) {
                            failed.incrementAndGet();
                            continue;
                        }
                        ok.incrementAndGet();
                        client.closeQuickly(c);
                    }
                } catch (RuntimeException e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            }, "handshakes-" + t);
            th.setDaemon(true);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join((long) (seconds * 1000) + 15_000);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!errors.isEmpty() && ok.get() == 0) {
            return Measurement.failed(KIND, String.valueOf(errors.get(0)));
        }
        return new Measurement(KIND, ok.get() / elapsed, "/s", ok.get(), failed.get() + errors.size(), elapsed,
                parallel + " parallel clients (our QuicClient, JCA), ALPN " + alpn + ", handshake to HANDSHAKE_DONE");
    }
}
