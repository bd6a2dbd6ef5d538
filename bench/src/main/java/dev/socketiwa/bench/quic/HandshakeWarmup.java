package dev.socketiwa.bench.quic;

import java.net.InetSocketAddress;

/**
 * Warms a target up for the handshake measurement, unrecorded, until its handshake rate stops climbing. A fresh JVM
 * server (and the benchmark's own JVM client) runs the handshake path interpreted at first: measured here on a loaded
 * 2-core machine, examples/quic-echo went 9, 54, 400, 368 handshakes/s in consecutive 5 s rounds while gtlsserver stayed
 * at 115-157/s, so a fixed short warm-up measured the JIT, not the server. The rounds use the measurement's own
 * parallelism, so the code paths warmed are the ones measured; the budget bounds the time on a target that never
 * settles.
 */
final class HandshakeWarmup {
    /** A round whose rate is within this fraction of the previous round's counts as settled. */
    static final double SETTLED = 0.15;
    static final double ROUND_SECONDS = 2.0;
    /** Two slow rounds can look alike while the compiler is still busy: never call it settled before this many. */
    static final int MIN_ROUNDS = 3;

    /** One unrecorded round of handshakes; returns its rate per second. */
    interface Round {
        double run(double seconds) throws InterruptedException;
    }

    private HandshakeWarmup() {
    }

    /** Warms the target with parallel clients; returns the number of rounds run. */
    static int run(InetSocketAddress target, int parallel, double budgetSeconds) throws InterruptedException {
        return untilSettled(s -> HandshakeRate.run(target, "h3", parallel, s, 1_000_000).value(), budgetSeconds);
    }

    /**
     * Runs rounds until two in a row have rates within {@link #SETTLED} of each other (and above zero), after at least
     * {@link #MIN_ROUNDS}, or until the budget is spent; returns the number of rounds run (at least one).
     */
    static int untilSettled(Round round, double budgetSeconds) throws InterruptedException {
        double roundSeconds = Math.min(ROUND_SECONDS, budgetSeconds);
        double spent = 0;
        double previous = -1;
        int rounds = 0;
        while (true) {
            double rate = round.run(roundSeconds);
            rounds++;
            spent += roundSeconds;
            if (rounds >= MIN_ROUNDS && settled(previous, rate) || spent + roundSeconds > budgetSeconds + 1e-9) return rounds;
            previous = rate;
        }
    }

    static boolean settled(double previous, double rate) {
        return previous > 0 && rate > 0 && Math.abs(rate - previous) <= SETTLED * previous;
    }
}
