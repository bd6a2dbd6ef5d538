package dev.socketiwa.bench.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class QuicReportTest {
    private static QuicResults threeHomes() {
        QuicResults r = new QuicResults();
        r.addTarget("jvm", "127.0.0.1:1");
        r.addTarget("browser", "127.0.0.1:2");
        r.addTarget("native", "127.0.0.1:3");
        r.put("jvm", new Measurement(HandshakeRate.KIND, 200, "/s", 400, 0, 2, "x"));
        r.put("browser", new Measurement(HandshakeRate.KIND, 50, "/s", 100, 0, 2, "x"));
        r.put("native", new Measurement(HandshakeRate.KIND, 400, "/s", 800, 0, 2, "x"));
        r.put("jvm", new Measurement(Http3Download.KIND, 800, "Mbit/s", 1, 0, 1, "x"));
        r.put("browser", Measurement.failed(Http3Download.KIND, "gtlsclient exited with 1"));
        r.put("native", new Measurement(Http3Download.KIND, 1000, "Mbit/s", 1, 0, 1, "x"));
        r.put("native", Measurement.notApplicable(EchoStreamThroughput.KIND, "gtlsserver has no echo ALPN"));
        return r;
    }

    @Test
    void ratiosAreBrowserOverJvmAndJvmOverNative() {
        QuicResults r = threeHomes();
        assertEquals(0.25, r.ratio(HandshakeRate.KIND, "browser", "jvm"), 1e-9);
        assertEquals(0.5, r.ratio(HandshakeRate.KIND, "jvm", "native"), 1e-9);
        assertEquals(0.8, r.ratio(Http3Download.KIND, "jvm", "native"), 1e-9);
        assertTrue(Double.isNaN(r.ratio(Http3Download.KIND, "browser", "jvm")), "no ratio with a failed side");
        assertTrue(Double.isNaN(r.ratio(EchoStreamThroughput.KIND, "jvm", "native")));
        assertEquals("QUIC browser/jvm ratio: handshakes 0.250 echo-stream – h3-download – h3-requests – wt-datagrams –",
                QuicReport.finalLine(r));
        assertTrue(r.anyFailed());
    }

    @Test
    void tableAndMarkdownShowFiguresRatiosAndProblems() {
        QuicResults r = threeHomes();
        String table = QuicReport.table(r);
        assertTrue(table.contains("browser/jvm") && table.contains("jvm/native"), table);
        assertTrue(table.contains("browser h3-download: 0 ok, 1 failed; failed: gtlsclient exited with 1"), table);
        String md = QuicReport.markdown(QuicProfile.QUICK, r, "2 cores", "bench/run-quic.sh", "q.svg", "2026-11-22");
        assertTrue(md.contains("| handshakes/s, 4 parallel, ALPN h3 | our QuicClient (JCA) | 200 /s | 50.0 /s | 400 /s |"
                + " 0.250 | 0.500 | 0.125 |"), md);
        assertTrue(md.contains("| failed |"), md);
        assertTrue(md.contains("- browser h3-download: 0 ok, 1 failed"), md);
        assertTrue(!md.contains("native echo-stream: 0 ok"), "n/a is not a problem: " + md);
    }

    @Test
    void jsonParsesAndHoldsNullsForMissingFigures() throws Exception {
        JsonNode j = new ObjectMapper().readTree(QuicReport.json(QuicProfile.SMOKE, threeHomes()));
        assertEquals(3, j.get("targets").size());
        assertEquals(200.0, j.get("targets").get(0).get("measurements").get(0).get("value").asDouble(), 1e-9);
        assertTrue(j.get("targets").get(2).get("measurements").get(1).get("value").isNull());
        assertEquals(0.25, j.get("ratios").get("browser/jvm handshakes").asDouble(), 1e-9);
        assertTrue(j.get("ratios").get("browser/jvm h3-download").isNull());
    }

    @Test
    void chartDrawsABarPerRatioAndMarksMissingOnes() {
        String svg = QuicReport.chart(threeHomes());
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>\n"), svg);
        assertTrue(svg.contains(">0.250</text>") && svg.contains(">0.500</text>"), svg);
        assertTrue(svg.contains(">n/a</text>"), svg);
        assertTrue(svg.contains("stroke-dasharray"), "the parity line");
    }
}
