package dev.socketiwa.bench.udp;

/**
 * How many datagrams should have left by a given time. The sender compares this with what it has sent and sends the
 * difference each tick, so the rate stays right over the run even when a noisy machine delays single ticks.
 */
interface SendSchedule {
    /** Keeps floating-point rounding from losing the last datagram (e.g. 4000/s * 0.25 s giving 999.9999). */
    double EPSILON = 1e-6;

    /** Datagrams due by {@code elapsedNanos} after the start; never decreases. */
    long due(long elapsedNanos);

    /** R per second from the start. */
    static SendSchedule constant(long ratePerSecond) {
        return elapsed -> (long) ((double) ratePerSecond * elapsed / 1e9 + EPSILON);
    }

    /** Rate grows linearly from 0 to R over {@code durationNanos}: due = R t^2 / 2T. */
    static SendSchedule ramp(long ratePerSecond, long durationNanos) {
        return elapsed -> {
            double t = Math.min(elapsed, durationNanos) / 1e9;
            return (long) (ratePerSecond * t * t / (2.0 * durationNanos / 1e9) + EPSILON);
        };
    }
}
