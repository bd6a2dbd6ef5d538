package dev.socketiwa.bench.udp;

import java.util.SplittableRandom;

/**
 * Chaos mode's rate: phases of 20..300 ms, each silent (15%), a spike at the full rate (15%) or a uniform rate between
 * R/20 and R. The phases come from their own seeded generator, so a seed gives the same rate profile every run.
 */
final class ChaosSchedule implements SendSchedule {
    private final SplittableRandom rnd;
    private final long maxRate;
    private long phaseStart;
    private long phaseEnd;
    private long phaseRate;
    private double dueAtPhaseStart;

    ChaosSchedule(long maxRate, long seed) {
        this.rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.maxRate = maxRate;
        nextPhase(0);
    }

    @Override
    public long due(long elapsedNanos) {
        while (elapsedNanos >= phaseEnd) {
            dueAtPhaseStart += (double) phaseRate * (phaseEnd - phaseStart) / 1e9;
            nextPhase(phaseEnd);
        }
        return (long) (dueAtPhaseStart + (double) phaseRate * (elapsedNanos - phaseStart) / 1e9 + EPSILON);
    }

    private void nextPhase(long start) {
        phaseStart = start;
        phaseEnd = start + (20 + rnd.nextInt(281)) * 1_000_000L;
        int pick = rnd.nextInt(100);
        if (pick < 15) {
            phaseRate = 0;
        } else if (pick < 30) {
            phaseRate = maxRate;
        } else {
            long floor = Math.max(1, maxRate / 20);
            phaseRate = floor + (long) (rnd.nextDouble() * (maxRate - floor));
        }
    }
}
