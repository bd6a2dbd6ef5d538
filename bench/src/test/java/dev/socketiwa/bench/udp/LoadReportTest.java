package dev.socketiwa.bench.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    private static LoadReport report(StopReason stop, long sent, long answered, long planned, String error) {
        return new LoadReport(LoadMode.CONSTANT, "127.0.0.1:9", 1, 100, 1000, 1.0, 100, stop, sent, answered, 2, 3, 0,
                0, 0, 1, 0, error, 1_000_000_000L, 2_000_000_000L, 1000, 2000, 3000, 4000, planned, Map.of());
    }

    @Test
    void ratesAreOverTheirOwnWindows() {
        LoadReport r = report(StopReason.COMPLETE, 1000, 900, 1000, null);
        assertEquals(100, r.lost());
        assertEquals(1000.0, r.sentPerSecond(), 1e-9);
        assertEquals(450.0, r.answeredPerSecond(), 1e-9);
        assertEquals(0.9, r.answeredRatio(), 1e-12);
    }

    @Test
    void aSenderBehindItsPlanIsFlaggedOnlyWhenNoCapStoppedIt() {
        LoadReport behind = report(StopReason.COMPLETE, 500, 500, 1000, null);
        assertTrue(behind.senderFellBehind());
        assertTrue(behind.toTable().contains("WARNING"));
        assertFalse(report(StopReason.COMPLETE, 999, 999, 1000, null).senderFellBehind(), "within 2%");
        assertFalse(report(StopReason.TIME_CAP, 500, 500, 1000, null).senderFellBehind(), "a cap, not a failure");
    }

    @Test
    void nothingAnsweredWithSocketErrorsMeansTheTargetIsDown() {
        assertTrue(report(StopReason.COMPLETE, 10, 0, 10, "java.net.PortUnreachableException").targetDown());
        assertTrue(report(StopReason.COMPLETE, 10, 0, 10, null).toTable().contains("DOWN"));
        assertFalse(report(StopReason.COMPLETE, 10, 1, 10, null).targetDown(), "one answer: it is up, just lossy");
    }

    @Test
    void jsonEscapesErrorTextAndStaysParseable() throws Exception {
        LoadReport r = report(StopReason.COMPLETE, 10, 0, 10, "java.net.PortUnreachableException: \"x\"\\ \n");
        JsonNode j = new ObjectMapper().readTree(r.toJson());
        assertEquals("java.net.PortUnreachableException: \"x\"\\ \n", j.get("firstError").asText());
        assertEquals(10, j.get("lost").asLong());
        assertEquals(4.0, j.get("rttMicros").get("max").asDouble());
    }
}
