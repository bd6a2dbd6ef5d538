package dev.socketiwa.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socketiwa.bench.echo.JvmUdpEcho;
import dev.socketiwa.bench.udp.LoopbackTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UdpEchoSuiteTest {

    @Test
    void comparesTwoEchoesInEveryModeAndEndsWithTheRatioLine(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("suite.json");
        Path markdown = dir.resolve("docs/benchmarks.md");
        Path chart = dir.resolve("docs/img/udp-echo.svg");
        Files.createDirectories(chart.getParent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code;
        try (JvmUdpEcho a = JvmUdpEcho.start(0); JvmUdpEcho b = JvmUdpEcho.start(0)) {
            code = UdpEchoSuite.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), "--smoke", "--json",
                    json.toString(), "--markdown", markdown.toString(), "--chart", chart.toString(),
                    "--machine", "test box", "--repeat", "3", "--target", "jvm=" + LoopbackTarget.format(a.address()),
                    "--target", "other=" + LoopbackTarget.format(b.address()));
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        String[] lines = out.strip().split("\\R");
        assertTrue(lines[lines.length - 1].matches(
                "UDP echo other/jvm ratio: burst [0-9.]+ constant [0-9.]+ ramp [0-9.]+ chaos [0-9.]+ geomean [0-9.]+"),
                lines[lines.length - 1]);
        for (String mode : new String[] {"burst", "constant", "ramp", "chaos"}) {
            assertTrue(out.contains(mode + "  "), out);
        }
        String md = Files.readString(markdown);
        assertTrue(md.contains("- Machine: test box"), md);
        assertTrue(md.contains("median of 3 rounds"), md);
        assertTrue(md.contains("![other/jvm ratio per mode](img/udp-echo.svg)"), md);
        for (String mode : new String[] {"burst", "constant", "ramp", "chaos"}) {
            assertTrue(md.contains("| " + mode + " | jvm | "), md);
            assertTrue(md.contains("| " + mode + " | other | "), md);
            assertTrue(md.lines().anyMatch(l -> l.matches("\\| " + mode + " \\| [0-9.]+ \\| .* \\| [0-9.]+ \\|")), md);
        }
        assertTrue(md.contains("| chaos | ") && md.contains("| none |"), "chaos has no target");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(chart.toFile());
        JsonNode j = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(2, j.get("targets").size());
        assertEquals(12, j.get("targets").get(0).get("runs").size(), "4 modes x 3 rounds");
        assertEquals(4, j.get("targets").get(1).get("ratioToBaseline").size());
        for (JsonNode run : j.get("targets").get(1).get("runs")) {
            assertEquals(run.get("sent").asLong(), run.get("answered").asLong() + run.get("lost").asLong());
        }
    }

    @Test
    void aHomeThatStopsAnsweringIsFlaggedAndTheRunFails() throws Exception {
        InetSocketAddress closed;
        try (java.nio.channels.DatagramChannel probe = java.nio.channels.DatagramChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            closed = (InetSocketAddress) probe.getLocalAddress();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code;
        try (JvmUdpEcho a = JvmUdpEcho.start(0)) {
            code = UdpEchoSuite.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), "--smoke",
                    "--target", "jvm=" + LoopbackTarget.format(a.address()),
                    "--target", "gone=" + LoopbackTarget.format(closed));
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, out);
        assertTrue(out.contains("DOWN: gone stopped answering"), out);
        assertTrue(out.strip().endsWith("(INVALID: a home stopped answering, see DOWN above)"), out);
    }

    @Test
    void refusesBadTargets() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, UdpEchoSuite.run(quiet));
        assertEquals(2, UdpEchoSuite.run(quiet, "--target", "127.0.0.1:9"));
        assertEquals(2, UdpEchoSuite.run(quiet, "--target", "jvm=10.0.0.1:9"));
        assertEquals(2, UdpEchoSuite.run(quiet, "--turbo"));
        assertEquals(2, UdpEchoSuite.run(quiet, "--repeat", "0", "--target", "jvm=127.0.0.1:9"));
        assertEquals(2, UdpEchoSuite.run(quiet, "--chart", "x.svg", "--target", "jvm=127.0.0.1:9"));
    }
}
