package dev.socketiwa.quic.transport;

/** NewReno congestion control (RFC 9002 §7), in bytes. */
final class NewReno {
    private final int maxDatagramSize;
    long window;
    long bytesInFlight;
    long ssthresh = Long.MAX_VALUE;
    /** Packets sent before this time belong to the current recovery period; -1 = not in recovery. */
    long recoveryStart = -1;
    private long ackedInCa;

    NewReno(int maxDatagramSize) {
        this.maxDatagramSize = maxDatagramSize;
        this.window = Math.min(10L * maxDatagramSize, Math.max(2L * maxDatagramSize, 14720));
    }

    long available() {
        return Math.max(0, window - bytesInFlight);
    }

    void onSent(int bytes) {
        bytesInFlight += bytes;
    }

    /** A packet left flight without counting as acked or lost (its keys were discarded). */
    void onRemoved(int bytes) {
        bytesInFlight = Math.max(0, bytesInFlight - bytes);
    }

    void onAcked(int bytes, long timeSent) {
        bytesInFlight = Math.max(0, bytesInFlight - bytes);
        if (recoveryStart >= 0 && timeSent <= recoveryStart) return;
        if (window < ssthresh) {
            window += bytes;
        } else {
            ackedInCa += bytes;
            if (ackedInCa >= window) {
                ackedInCa -= window;
                window += maxDatagramSize;
            }
        }
    }

    void onLost(int bytes, long timeSent, long now) {
        bytesInFlight = Math.max(0, bytesInFlight - bytes);
        if (recoveryStart >= 0 && timeSent <= recoveryStart) return;
        recoveryStart = now;
        window = Math.max(window / 2, 2L * maxDatagramSize);
        ssthresh = window;
        ackedInCa = 0;
    }

    void onPersistentCongestion() {
        window = 2L * maxDatagramSize;
        recoveryStart = -1;
    }
}
