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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code;
        try (JvmUdpEcho a = JvmUdpEcho.start(0); JvmUdpEcho b = JvmUdpEcho.start(0)) {
            code = UdpEchoSuite.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), "--smoke", "--json",
                    json.toString(), "--target", "jvm=" + LoopbackTarget.format(a.address()),
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
        JsonNode j = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(2, j.get("targets").size());
        assertEquals(4, j.get("targets").get(0).get("runs").size());
        assertEquals(4, j.get("targets").get(1).get("ratioToBaseline").size());
        for (JsonNode run : j.get("targets").get(1).get("runs")) {
            assertEquals(run.get("sent").asLong(), run.get("answered").asLong() + run.get("lost").asLong());
        }
    }

    @Test
    void refusesBadTargets() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, UdpEchoSuite.run(quiet));
        assertEquals(2, UdpEchoSuite.run(quiet, "--target", "127.0.0.1:9"));
        assertEquals(2, UdpEchoSuite.run(quiet, "--target", "jvm=10.0.0.1:9"));
        assertEquals(2, UdpEchoSuite.run(quiet, "--turbo"));
    }
}
