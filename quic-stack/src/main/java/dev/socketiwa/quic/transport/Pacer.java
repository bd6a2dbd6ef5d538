package dev.socketiwa.quic.transport;

/**
 * Spreads ack-eliciting packets over the RTT instead of sending a whole congestion window at once (RFC 9002 §7.7):
 * a token bucket refilled at 1.25 x cwnd / smoothed RTT, holding at most a small burst.
 */
final class Pacer {
    private static final int BURST_PACKETS = 10;
    private final int maxDatagramSize;
    private long tokens;
    private long lastRefill = Long.MIN_VALUE;

    Pacer(int maxDatagramSize) {
        this.maxDatagramSize = maxDatagramSize;
        this.tokens = (long) BURST_PACKETS * maxDatagramSize;
    }

    private long capacity() {
        return (long) BURST_PACKETS * maxDatagramSize;
    }

    private void refill(long now, long window, long srtt) {
        if (lastRefill != Long.MIN_VALUE && now > lastRefill && srtt > 0) {
            // bytes = elapsed * 1.25 * window / srtt, computed without overflow for realistic values
            double add = (double) (now - lastRefill) * 1.25 * window / srtt;
            tokens = (long) Math.min(capacity(), tokens + add);
        }
        lastRefill = now;
    }

    /** Whether a full-size packet may leave now. */
    boolean allows(long now, long window, long srtt) {
        refill(now, window, srtt);
        return tokens >= maxDatagramSize;
    }

    void onSent(int bytes) {
        tokens = Math.max(-capacity(), tokens - bytes);
    }

    /** When the next full-size packet may leave. */
    long nextRelease(long now, long window, long srtt) {
        long missing = maxDatagramSize - tokens;
        if (missing <= 0) return now;
        double rate = 1.25 * window / Math.max(1, srtt); // bytes per ns
        return now + (long) Math.ceil(missing / rate);
    }
}
