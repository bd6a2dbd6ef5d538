package dev.socketiwa.quic.transport;

/**
 * Spreads ack-eliciting packets over the RTT instead of sending a whole congestion window at once (RFC 9002 §7.7):
 * a token bucket refilled at 1.25 x cwnd / smoothed RTT.
 *
 * <p>The bucket holds at least 10 full-size packets, and more when the caller wakes up late: a real event loop cannot
 * wait less than a timer tick (about 1 ms on the JVM and in the browser) and wakes when the tick ends or a datagram
 * arrives, not at the release time asked for. Tokens earned in that lateness beyond a fixed 10-packet bucket would be
 * lost, which capped the rate far below the pacing rate whenever 10 packets take less than a tick: on loopback the h3
 * download lost a third of its throughput that way. So the bucket also holds what the pacing rate releases during the
 * caller's typical lateness (smoothed, each sample at most 2 ms), up to 64 packets. A caller with exact timers (the
 * in-memory network) is never late and keeps 10-packet bursts.
 */
final class Pacer {
    private static final int MIN_BURST_PACKETS = 10;
    private static final int MAX_BURST_PACKETS = 64;
    private static final long MAX_LATENESS_NANOS = 2_000_000L;
    private static final long NONE = Long.MAX_VALUE;
    private final int maxDatagramSize;
    private long tokens;
    private long lastRefill = Long.MIN_VALUE;
    /** The release time last handed out while data waited (NONE: none outstanding). */
    private long pendingRelease = NONE;
    /** Smoothed lateness of the caller after a release time, in ns. */
    private long lateness;

    Pacer(int maxDatagramSize) {
        this.maxDatagramSize = maxDatagramSize;
        this.tokens = (long) MIN_BURST_PACKETS * maxDatagramSize;
    }

    private long capacity(long window, long srtt) {
        long min = (long) MIN_BURST_PACKETS * maxDatagramSize;
        if (lateness == 0 || srtt <= 0) return min;
        double late = 1.25 * window * lateness / srtt;
        return (long) Math.max(min, Math.min((double) MAX_BURST_PACKETS * maxDatagramSize, late));
    }

    private void refill(long now, long window, long srtt) {
        if (now >= pendingRelease) {
            long late = Math.min(MAX_LATENESS_NANOS, now - pendingRelease);
            lateness += (late - lateness) / 4;
            pendingRelease = NONE;
        }
        if (lastRefill != Long.MIN_VALUE && now > lastRefill && srtt > 0) {
            // bytes = elapsed * 1.25 * window / srtt, computed without overflow for realistic values
            double add = (double) (now - lastRefill) * 1.25 * window / srtt;
            tokens = (long) Math.min(capacity(window, srtt), tokens + add);
        }
        lastRefill = now;
    }

    /** Whether a full-size packet may leave now. */
    boolean allows(long now, long window, long srtt) {
        refill(now, window, srtt);
        return tokens >= maxDatagramSize;
    }

    void onSent(int bytes) {
        tokens = Math.max(-(long) MIN_BURST_PACKETS * maxDatagramSize, tokens - bytes);
    }

    /** When the next full-size packet may leave (the caller is expected back then: how late it comes is measured). */
    long nextRelease(long now, long window, long srtt) {
        long missing = maxDatagramSize - tokens;
        if (missing <= 0) return now;
        double rate = 1.25 * window / Math.max(1, srtt); // bytes per ns
        pendingRelease = now + (long) Math.ceil(missing / rate);
        return pendingRelease;
    }
}
