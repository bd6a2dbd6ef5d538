package dev.socketiwa.bench.quic;

/**
 * Hard caps every QUIC measurement checks before it starts, so a typo cannot turn a benchmark into a long load on a
 * shared machine: the parameters that scale a run are bounded here, and each run also has a wall-clock timeout.
 */
public final class QuicBenchLimits {
    public static final int MAX_PARALLEL = 64;
    public static final double MAX_SECONDS = 120;
    public static final long MAX_BYTES = 1L << 30;
    public static final int MAX_CONNECTIONS = 10_000;
    public static final int MAX_REQUESTS_PER_CONNECTION = 100;

    private QuicBenchLimits() {
    }

    static void check(String what, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(what + " must be in " + plain(min) + ".." + plain(max) + ", not " + plain(value));
        }
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
