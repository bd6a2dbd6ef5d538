package dev.socketiwa.quic.transport;

/** RTT estimation (RFC 9002 §5), in nanoseconds. */
final class RttEstimator {
    static final long INITIAL_RTT = 333_000_000L;
    static final long GRANULARITY = 1_000_000L;

    long latest;
    long smoothed = INITIAL_RTT;
    long var = INITIAL_RTT / 2;
    long min = Long.MAX_VALUE;
    boolean hasSample;

    void update(long latestRtt, long ackDelay, boolean handshakeConfirmed, long maxAckDelay) {
        latest = latestRtt;
        if (!hasSample) {
            hasSample = true;
            min = latestRtt;
            smoothed = latestRtt;
            var = latestRtt / 2;
            return;
        }
        min = Math.min(min, latestRtt);
        if (handshakeConfirmed) ackDelay = Math.min(ackDelay, maxAckDelay);
        long adjusted = latestRtt;
        if (latestRtt >= min + ackDelay) adjusted = latestRtt - ackDelay;
        var = (3 * var + Math.abs(smoothed - adjusted)) / 4;
        smoothed = (7 * smoothed + adjusted) / 8;
    }

    /** PTO base duration without max_ack_delay (RFC 9002 §6.2.1). */
    long pto() {
        return smoothed + Math.max(4 * var, GRANULARITY);
    }

    long lossDelay() {
        long base = hasSample ? Math.max(latest, smoothed) : smoothed;
        return Math.max(base * 9 / 8, GRANULARITY);
    }
}
