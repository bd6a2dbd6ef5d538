package dev.socketiwa.bench.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SendScheduleTest {

    @ParameterizedTest
    @CsvSource({"2000, 0.3, 600", "4000, 0.25, 1000", "10000, 5, 50000", "7, 0.1, 0", "3, 1.7, 5"})
    void constantEndsAtRateTimesSeconds(long rate, double seconds, long expected) {
        LoadConfig c = config(LoadMode.CONSTANT, rate, seconds);
        assertEquals(expected, SendSchedule.constant(rate).due(c.durationNanos()));
    }

    @ParameterizedTest
    @CsvSource({"4000, 0.5, 1000", "50000, 5, 125000", "3000, 0.3, 450", "1000, 0.001, 0"})
    void rampEndsAtHalfRateTimesSeconds(long rate, double seconds, long expected) {
        LoadConfig c = config(LoadMode.RAMP, rate, seconds);
        SendSchedule ramp = SendSchedule.ramp(rate, c.durationNanos());
        assertEquals(expected, ramp.due(c.durationNanos()));
        assertEquals(expected / 4, ramp.due(c.durationNanos() / 2), 1, "a quarter by half time: the rate grows");
        assertEquals(expected, ramp.due(c.durationNanos() * 3), "flat after the end");
    }

    @Test
    void chaosNeverExceedsItsMaximumRateAndIsSeeded() {
        ChaosSchedule a = new ChaosSchedule(20_000, 5);
        ChaosSchedule b = new ChaosSchedule(20_000, 5);
        long previous = 0;
        for (long t = 0; t <= 10_000_000_000L; t += 7_000_000) {
            long due = a.due(t);
            assertEquals(due, b.due(t));
            assertTrue(due >= previous, "never decreases");
            assertTrue(due - previous <= 20_000 * 7_000_000L / 1_000_000_000L + 1, "at most the maximum rate");
            previous = due;
        }
        assertTrue(previous > 0 && previous < 20_000 * 10, "some silence and some load over 10 s: " + previous);
    }

    private static LoadConfig config(LoadMode mode, long rate, double seconds) {
        return LoadConfig.defaults(mode, new InetSocketAddress("127.0.0.1", 9)).withRate(rate).withSeconds(seconds);
    }
}
