package dev.socketiwa.quic.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The pacer's bucket follows how late its caller wakes: a loop with exact timers keeps bursts of 10 packets, a loop
 * woken a timer tick late (the JVM's and the browser's 1 ms) gets what the pacing rate released meanwhile instead of
 * losing it, so loopback-like paths (sub-millisecond RTT) are not capped at 10 packets per tick.
 */
class PacerTest {
    private static final int MDS = 1200;
    private static final long WINDOW = 1 << 20;
    private static final long SRTT = 200_000L; // 0.2 ms: 1 MiB per RTT is ~6.5 MB per ms at 1.25x

    /** Sends for the given simulated time, waking lateNanos after each release time; returns {packets, largest burst}. */
    private static long[] run(long lateNanos, long durationNanos) {
        Pacer p = new Pacer(MDS);
        long now = 1_000_000_000L;
        long end = now + durationNanos;
        long packets = 0;
        long largestBurst = 0;
        while (now < end) {
            long burst = 0;
            while (p.allows(now, WINDOW, SRTT)) {
                p.onSent(MDS);
                burst++;
            }
            packets += burst;
            largestBurst = Math.max(largestBurst, burst);
            now = p.nextRelease(now, WINDOW, SRTT) + lateNanos;
        }
        return new long[]{packets, largestBurst};
    }

    @Test
    void exactTimersKeepTenPacketBursts() {
        long[] r = run(0, 10_000_000L);
        assertTrue(r[1] <= 10, "largest burst " + r[1]);
        // The pacing rate itself is reached: ~6.5 MB/ms over 10 ms is ~54,000 packets.
        assertTrue(r[0] > 40_000, "packets " + r[0]);
    }

    @Test
    void aCallerWokenATickLateIsNotCappedAtTenPacketsPerTick() {
        long[] r = run(1_000_000L, 100_000_000L);
        // 100 wake-ups in 100 ms: a fixed 10-packet bucket allowed ~1,000 packets; the adaptive bucket 64 per tick.
        assertTrue(r[0] > 5_000, "packets " + r[0]);
        assertTrue(r[1] <= 64, "largest burst " + r[1]);
    }

    @Test
    void lateWakeUpsOnASlowPathStillBurstLittle() {
        // 50 ms RTT, 100 KB window: 2.5 KB per ms, so even a tick late the bucket stays at its 10-packet floor.
        Pacer p = new Pacer(MDS);
        long now = 0;
        long largest = 0;
        for (int i = 0; i < 1000; i++) {
            long burst = 0;
            while (p.allows(now, 100_000, 50_000_000L)) {
                p.onSent(MDS);
                burst++;
            }
            largest = Math.max(largest, burst);
            now = p.nextRelease(now, 100_000, 50_000_000L) + 1_000_000L;
        }
        assertTrue(largest <= 10, "largest burst " + largest);
    }
}
