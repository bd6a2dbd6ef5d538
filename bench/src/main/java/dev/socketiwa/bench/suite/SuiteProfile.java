package dev.socketiwa.bench.suite;

import dev.socketiwa.bench.udp.LoadConfig;
import dev.socketiwa.bench.udp.LoadMode;
import java.net.InetSocketAddress;

/**
 * The four UDP echo runs, shaped like the proof of concept's table (burst 50k datagrams, constant 10k/s, ramp 0 to
 * 50k/s, chaos mix) so the figures line up with it. Quick keeps the whole browser+JVM comparison under 3 minutes.
 */
public enum SuiteProfile {
    /** A check that the suite runs end to end, in about a second per target: not a measurement. */
    SMOKE(0.2, 0.3),
    QUICK(5, 3),
    FULL(15, 5);

    static final long BURST_COUNT = 50_000;
    static final long CONSTANT_RATE = 10_000;
    static final long RAMP_RATE = 50_000;
    static final long CHAOS_MAX_RATE = 20_000;
    static final int SIZE = 1200;

    static final long WARMUP_RATE = 5_000;

    private final double seconds;
    private final double warmupSeconds;

    SuiteProfile(double seconds, double warmupSeconds) {
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
    }

    /**
     * Unrecorded load before the measured runs, for each target: lets the JVM's JIT and V8's optimising wasm tier
     * compile the echo's hot path, so neither home is measured on its first, interpreted or baseline-compiled packets.
     */
    public LoadConfig warmup(InetSocketAddress target, long seed) {
        return LoadConfig.defaults(LoadMode.CONSTANT, target).withSeed(seed).withSize(SIZE).withRate(WARMUP_RATE)
                .withSeconds(warmupSeconds).withDrainMillis(500);
    }

    public double seconds() {
        return seconds;
    }

    public LoadConfig config(LoadMode mode, InetSocketAddress target, long seed) {
        LoadConfig c = LoadConfig.defaults(mode, target).withSeed(seed).withSize(SIZE).withDrainMillis(1_000);
        switch (mode) {
            case BURST:
                return c.withCount(this == SMOKE ? 500 : BURST_COUNT).withSeconds(60);
            case CONSTANT:
                return c.withRate(CONSTANT_RATE).withSeconds(seconds);
            case RAMP:
                return c.withRate(RAMP_RATE).withSeconds(seconds);
            default:
                return c.withRate(CHAOS_MAX_RATE).withSeconds(seconds);
        }
    }
}
