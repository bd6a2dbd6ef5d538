package dev.socketiwa.bench.quic;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandshakeWarmupTest {
    /** Hands out the given rates round by round and notes the seconds each round was asked to run. */
    private static final class Rates implements HandshakeWarmup.Round {
        private final double[] rates;
        final List<Double> asked = new ArrayList<>();

        Rates(double... rates) {
            this.rates = rates;
        }

        @Override
        public double run(double seconds) {
            asked.add(seconds);
            return rates[Math.min(asked.size() - 1, rates.length - 1)];
        }
    }

    @Test
    void warmsUntilTheRateStopsClimbing() throws InterruptedException {
        // the shape measured against a fresh examples/quic-echo JVM: interpreted, compiling, then compiled
        Rates r = new Rates(9, 54, 400, 368, 380);
        assertEquals(4, HandshakeWarmup.untilSettled(r, 20));
        assertEquals(List.of(2.0, 2.0, 2.0, 2.0), r.asked);
    }

    @Test
    void twoSimilarSlowRoundsAtTheStartAreNotCalledSettled() throws InterruptedException {
        assertEquals(HandshakeWarmup.MIN_ROUNDS, HandshakeWarmup.untilSettled(new Rates(10, 10.5, 10.2), 20));
        assertEquals(4, HandshakeWarmup.untilSettled(new Rates(10, 10.5, 100, 105), 20));
    }

    @Test
    void stopsAtTheBudgetWhenTheRateNeverSettles() throws InterruptedException {
        Rates r = new Rates(1, 2, 4, 8, 16, 32, 64, 128);
        assertEquals(3, HandshakeWarmup.untilSettled(r, 7));
        assertEquals(List.of(2.0, 2.0, 2.0), r.asked);
    }

    @Test
    void aBudgetShorterThanARoundRunsOneShortRound() throws InterruptedException {
        Rates r = new Rates(5);
        assertEquals(1, HandshakeWarmup.untilSettled(r, 1.0));
        assertEquals(List.of(1.0), r.asked);
    }

    @Test
    void aTargetThatCompletesNothingIsNeverSettled() {
        assertFalse(HandshakeWarmup.settled(0, 0));
        assertFalse(HandshakeWarmup.settled(-1, 50));
        assertTrue(HandshakeWarmup.settled(100, 86));
        assertFalse(HandshakeWarmup.settled(100, 84));
    }
}
