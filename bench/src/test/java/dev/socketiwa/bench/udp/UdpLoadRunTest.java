package dev.socketiwa.bench.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socketiwa.bench.echo.JvmUdpEcho;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tool against in-test echo servers on loopback: small runs, exact counts, no assertions on speed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UdpLoadRunTest {
    private static JvmUdpEcho echo;

    @BeforeAll
    static void startEcho() throws Exception {
        echo = JvmUdpEcho.start(0);
    }

    @AfterAll
    static void stopEcho() throws Exception {
        echo.close();
    }

    /** Small enough that loopback socket buffers hold everything even if the echo thread is descheduled. */
    private static LoadConfig small(LoadMode mode, InetSocketAddress target) {
        LoadConfig c = LoadConfig.defaults(mode, target).withSeed(42).withDrainMillis(5_000);
        switch (mode) {
            case BURST:
                return c.withCount(300).withSize(200);
            case CONSTANT:
                return c.withRate(2_000).withSeconds(0.5).withSize(500);
            case RAMP:
                return c.withRate(4_000).withSeconds(0.5).withSize(500);
            default:
                return c.withRate(2_000).withSeconds(0.5);
        }
    }

    @ParameterizedTest
    @EnumSource(LoadMode.class)
    void everyModeIsFullyAnsweredOnAnIdleLoopback(LoadMode mode) throws Exception {
        LoadReport r = UdpLoadRun.run(small(mode, echo.address()));

        assertEquals(StopReason.COMPLETE, r.stopReason());
        assertTrue(r.sent() > 0);
        assertEquals(r.sent(), r.answered(), r.toTable());
        assertEquals(0, r.lost());
        assertEquals(0, r.duplicates());
        assertEquals(0, r.corrupt());
        assertEquals(0, r.stray());
        assertEquals(0, r.sendErrors());
        assertEquals(r.untrackedSent(), r.untrackedAnswers(), "tiny chaos datagrams come back too");
        assertTrue(r.rttP50Nanos() > 0 && r.rttP50Nanos() <= r.rttP99Nanos() && r.rttP99Nanos() <= r.rttMaxNanos());
        assertJsonMatches(r);
    }

    @Test
    void pacedModesSendExactlyWhatTheirScheduleSays() throws Exception {
        LoadReport constant = UdpLoadRun.run(small(LoadMode.CONSTANT, echo.address()));
        assertEquals(1_000, constant.planned(), "2000/s for 0.5 s");
        assertEquals(1_000, constant.sent(), constant.toTable());
        LoadReport ramp = UdpLoadRun.run(small(LoadMode.RAMP, echo.address()));
        assertEquals(1_000, ramp.planned(), "0 to 4000/s over 0.5 s");
        assertEquals(1_000, ramp.sent(), ramp.toTable());
        LoadReport burst = UdpLoadRun.run(small(LoadMode.BURST, echo.address()));
        assertEquals(300, burst.planned());
        assertEquals(300, burst.sent());
        LoadReport chaos = UdpLoadRun.run(small(LoadMode.CHAOS, echo.address()));
        assertEquals(chaos.planned(), chaos.attempted(), chaos.toTable());
        assertFalse(constant.senderFellBehind() || ramp.senderFellBehind() || chaos.senderFellBehind());
    }

    @Test
    void chaosReportsItsMixAndItAddsUp() throws Exception {
        LoadReport r = UdpLoadRun.run(small(LoadMode.CHAOS, echo.address()));
        Map<String, Long> mix = r.mix();
        assertEquals(r.sent(), mix.get("plain") + mix.get("quicInitial") + mix.get("malformed"));
        assertEquals(r.untrackedSent(), mix.get("tiny"));
        long malformed = mix.entrySet().stream().filter(e -> e.getKey().startsWith("malformed."))
                .mapToLong(Map.Entry::getValue).sum();
        assertEquals(mix.get("malformed"), malformed);
    }

    @Test
    void theSameSeedGivesTheSameChaosMix() throws Exception {
        LoadConfig c = small(LoadMode.CHAOS, echo.address()).withCount(400).withRate(100_000).withSeconds(30);
        LoadReport a = UdpLoadRun.run(c);
        LoadReport b = UdpLoadRun.run(c);
        assertEquals(StopReason.COUNT_CAP, a.stopReason());
        assertEquals(400, a.sent() + a.untrackedSent());
        assertEquals(a.mix(), b.mix());
        LoadReport other = UdpLoadRun.run(c.withSeed(43));
        assertTrue(!a.mix().equals(other.mix()), "another seed, another mix");
    }

    @Test
    void worksOverIpv6Loopback() throws Exception {
        try (JvmUdpEcho v6 = JvmUdpEcho.start(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            LoadReport r = UdpLoadRun.run(small(LoadMode.BURST, v6.address()));
            assertTrue(r.target().startsWith("[0:0:0:0:0:0:0:1]:"), r.target());
            assertEquals(300, r.sent());
            assertEquals(300, r.answered());
        }
    }

    @Test
    void droppedEchoesAreLost() throws Exception {
        try (MisbehavingEcho bad = new MisbehavingEcho(MisbehavingEcho.Fault.DROP_EVERY_KTH, 3)) {
            LoadReport r = UdpLoadRun.run(small(LoadMode.BURST, bad.address()).withDrainMillis(300));
            assertEquals(300, r.sent());
            assertEquals(100, r.lost());
            assertEquals(200, r.answered());
            assertEquals(0, r.duplicates());
            assertEquals(0, r.corrupt());
            assertJsonMatches(r);
        }
    }

    @Test
    void duplicatedEchoesAreCountedOnce() throws Exception {
        try (MisbehavingEcho bad = new MisbehavingEcho(MisbehavingEcho.Fault.DUPLICATE_ALL, 1)) {
            LoadReport r = UdpLoadRun.run(small(LoadMode.BURST, bad.address()));
            assertEquals(300, bad.received, "the echo saw every datagram");
            assertEquals(300, r.sent());
            assertEquals(300, r.answered());
            assertEquals(0, r.lost());
            assertEquals(300, r.duplicates());
            assertEquals(0, r.corrupt());
        }
    }

    @Test
    void corruptedEchoesAreCorruptAndLost() throws Exception {
        try (MisbehavingEcho bad = new MisbehavingEcho(MisbehavingEcho.Fault.CORRUPT_EVERY_KTH, 5)) {
            LoadReport r = UdpLoadRun.run(small(LoadMode.CONSTANT, bad.address()).withDrainMillis(500));
            assertEquals(1_000, r.sent());
            assertEquals(200, r.corrupt());
            assertEquals(200, r.lost());
            assertEquals(800, r.answered());
            assertEquals(0, r.duplicates());
            assertJsonMatches(r);
        }
    }

    @Test
    void lossDuplicatesAndCorruptionTogether() throws Exception {
        try (MisbehavingEcho bad = new MisbehavingEcho(MisbehavingEcho.Fault.MIXED, 10)) {
            LoadReport r = UdpLoadRun.run(small(LoadMode.BURST, bad.address()).withDrainMillis(500));
            // every 10th of 300: echoed intact and again corrupted; the one after it dropped (29 of them: no 301st)
            assertEquals(300, r.sent());
            assertEquals(30, r.corrupt());
            assertEquals(29, r.lost());
            assertEquals(271, r.answered());
            assertEquals(0, r.duplicates());
        }
    }

    @Test
    void nothingListeningMeansEverythingLostAndNoException() throws Exception {
        InetSocketAddress closed;
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            closed = (InetSocketAddress) probe.getLocalAddress();
        }
        LoadReport r = UdpLoadRun.run(small(LoadMode.CONSTANT, closed).withDrainMillis(100));
        assertEquals(0, r.answered());
        assertEquals(r.sent(), r.lost());
        assertTrue(r.sendErrors() + r.receiveErrors() > 0, "port unreachable is reported: " + r.toTable());
        assertTrue(r.firstError() != null);
        assertJsonMatches(r);
    }

    @Test
    void burstStopsAtItsTimeCap() throws Exception {
        LoadConfig c = LoadConfig.defaults(LoadMode.BURST, echo.address()).withCount(LoadConfig.MAX_COUNT)
                .withSeconds(0.3).withSize(64).withDrainMillis(200);
        LoadReport r = UdpLoadRun.run(c);
        assertEquals(StopReason.TIME_CAP, r.stopReason());
        assertTrue(r.sent() > 0 && r.sent() < LoadConfig.MAX_COUNT);
    }

    @Test
    void pacedModesStopAtTheCountCap() throws Exception {
        for (LoadMode mode : new LoadMode[] {LoadMode.CONSTANT, LoadMode.RAMP, LoadMode.CHAOS}) {
            LoadConfig c = LoadConfig.defaults(mode, echo.address()).withRate(50_000).withSeconds(600)
                    .withCount(250).withSize(100).withDrainMillis(1_000);
            LoadReport r = UdpLoadRun.run(c);
            assertEquals(StopReason.COUNT_CAP, r.stopReason(), mode.toString());
            assertEquals(250, r.sent() + r.untrackedSent(), mode.toString());
        }
    }

    @Test
    void hardCapsRefuseUnboundedRuns() {
        LoadConfig c = LoadConfig.defaults(LoadMode.CONSTANT, new InetSocketAddress("127.0.0.1", 9));
        assertThrowsMentioning(() -> c.withCount(LoadConfig.MAX_COUNT + 1), "--count");
        assertThrowsMentioning(() -> c.withRate(LoadConfig.MAX_RATE + 1), "--rate");
        assertThrowsMentioning(() -> c.withSeconds(601), "--seconds");
        assertThrowsMentioning(() -> c.withSeconds(0), "--seconds");
        assertThrowsMentioning(() -> c.withSize(27), "--size");
    }

    private static void assertThrowsMentioning(Runnable r, String word) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                r::run);
        assertTrue(e.getMessage().contains(word), e.getMessage());
    }

    private static void assertJsonMatches(LoadReport r) throws Exception {
        JsonNode j = new ObjectMapper().readTree(r.toJson());
        assertEquals(r.mode().cliName(), j.get("mode").asText());
        assertEquals(r.target(), j.get("target").asText());
        assertEquals(r.sent(), j.get("sent").asLong());
        assertEquals(r.planned(), j.get("planned").asLong());
        assertEquals(r.senderFellBehind(), j.get("senderFellBehind").asBoolean());
        assertEquals(r.answered(), j.get("answered").asLong());
        assertEquals(r.lost(), j.get("lost").asLong());
        assertEquals(j.get("sent").asLong(), j.get("answered").asLong() + j.get("lost").asLong());
        assertEquals(r.duplicates(), j.get("duplicates").asLong());
        assertEquals(r.corrupt(), j.get("corrupt").asLong());
        assertEquals(r.untrackedSent(), j.get("untrackedSent").asLong());
        assertEquals(r.stopReason().name().toLowerCase(), j.get("stopReason").asText());
        assertEquals(r.answeredPerSecond(), j.get("answeredPerSecond").asDouble(), 0.1);
        assertEquals(r.answeredRatio(), j.get("answeredRatio").asDouble(), 1e-12);
        assertTrue(j.get("rttMicros").get("p50").asDouble() <= j.get("rttMicros").get("p99").asDouble());
        assertEquals(r.mix().isEmpty(), !j.has("mix"));
    }
}
