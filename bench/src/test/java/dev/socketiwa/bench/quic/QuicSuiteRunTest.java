package dev.socketiwa.bench.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole suite, smoke profile, against our server in-process and the gtlsserver it starts itself: every
 * measurement completes with verified results, the run is bounded, and the docs section lands between its markers
 * without touching the rest of the file. Speeds are printed by the suite, never asserted.
 */
class QuicSuiteRunTest {
    @Test
    void smokeRunAgainstOurServerAndTheNativeAnchor(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("benchmarks.md");
        Files.writeString(md, "# Benchmarks\n\n## UDP echo\n\nudp figures stay\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status;
        long start = System.nanoTime();
        try (InProcessQuicEcho jvm = new InProcessQuicEcho()) {
            status = QuicSuite.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), "--smoke",
                    "--target", "jvm=127.0.0.1:" + jvm.address().getPort(), "--with-native",
                    "--work", dir.resolve("work").toString(), "--wait-ready", "20",
                    "--json", dir.resolve("quic.json").toString(), "--markdown", md.toString(),
                    "--chart", dir.resolve("quic.svg").toString(), "--machine", "test machine");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(out);
        assertEquals(0, status, out);
        assertTrue(seconds < 170, "the smoke profile is bounded; took " + seconds + " s");

        JsonNode json = new ObjectMapper().readTree(dir.resolve("quic.json").toFile());
        assertEquals("smoke", json.get("profile").asText());
        JsonNode targets = json.get("targets");
        assertEquals("jvm", targets.get(0).get("name").asText());
        assertEquals("native", targets.get(1).get("name").asText());
        for (JsonNode t : targets) {
            for (JsonNode m : t.get("measurements")) {
                String kind = m.get("kind").asText();
                if (t.get("name").asText().equals("native") && (kind.equals(EchoStreamThroughput.KIND)
                        || kind.equals(WebTransportDatagramRate.KIND))) {
                    assertTrue(m.get("value").isNull(), "gtlsserver has no echo and no WebTransport: " + m);
                    continue;
                }
                assertTrue(m.get("value").asDouble() > 0, t.get("name") + " " + m);
                assertEquals(0, m.get("failed").asLong(), "loopback loses nothing: " + m);
            }
        }
        JsonNode requests = targets.get(0).get("measurements").get(3);
        assertEquals(QuicProfile.SMOKE.requestConnections * QuicProfile.SMOKE.requestsPerConnection,
                requests.get("succeeded").asLong(), "every small body arrived complete");
        assertTrue(json.get("ratios").get("jvm/native h3-download").asDouble() > 0);
        JsonNode datagrams = targets.get(0).get("measurements").get(4);
        assertEquals(WebTransportDatagramRate.KIND, datagrams.get("kind").asText());
        assertTrue(datagrams.get("succeeded").asLong() > 0, "datagrams came back over WebTransport: " + datagrams);

        String doc = Files.readString(md);
        assertTrue(doc.startsWith("# Benchmarks\n\n## UDP echo\n\nudp figures stay\n"), doc);
        assertTrue(doc.contains("<!-- quic-suite:begin") && doc.contains("<!-- quic-suite:end -->"), doc);
        assertTrue(doc.contains("| jvm/native |"), doc);
        assertTrue(doc.contains("![QUIC ratios](quic.svg)"), doc);
        assertTrue(Files.readString(dir.resolve("quic.svg")).startsWith("<svg"));
        assertTrue(out.lines().reduce((a, b) -> b).orElse("").startsWith("QUIC jvm/native ratio: handshakes "), out);
    }

    @Test
    void aServerThatNeverAnswersEndsTheRunWithAClearMessage(@TempDir Path dir) throws Exception {
        int port = QuicSuite.freeUdpPort();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        long start = System.nanoTime();
        try {
            status = QuicSuite.run(new PrintStream(new ByteArrayOutputStream()), "--smoke", "--target",
                    "jvm=127.0.0.1:" + port, "--wait-ready", "2", "--work", dir.toString());
        } finally {
            System.setErr(savedErr);
        }
        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no QUIC handshake (ALPN h3) with 127.0.0.1:" + port),
                err.toString(StandardCharsets.UTF_8));
        assertTrue((System.nanoTime() - start) / 1e9 < 30, "gives up after --wait-ready");
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingRuns() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, QuicSuite.run(quiet, "--target", "jvm=192.0.2.1:4433"));
            assertEquals(2, QuicSuite.run(quiet));
            assertEquals(2, QuicSuite.run(quiet, "--bogus"));
            assertEquals(2, QuicSuite.run(quiet, "--target", "jvm=127.0.0.1:1", "--gtlsclient", "/nonexistent/gtlsclient"));
        } finally {
            System.setErr(savedErr);
        }
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("loopback"), e);
        assertTrue(e.contains("gtlsclient not found at /nonexistent/gtlsclient"), e);
        assertFalse(e.contains("Exception"), "messages, not stack traces: " + e);
    }
}
