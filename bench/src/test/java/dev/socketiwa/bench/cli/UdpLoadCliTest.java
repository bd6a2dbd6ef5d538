package dev.socketiwa.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socketiwa.bench.echo.JvmUdpEcho;
import dev.socketiwa.bench.udp.LoadMode;
import dev.socketiwa.bench.udp.LoopbackTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UdpLoadCliTest {

    @Test
    void parsesEveryOption() {
        UdpLoadArgs a = UdpLoadArgs.parse("--mode", "ramp", "--target", "127.0.0.1:4433", "--count", "1_000",
                "--rate", "50000", "--seconds", "2.5", "--size", "64", "--seed", "7", "--drain-ms", "250",
                "--json", "out.json");
        assertEquals(LoadMode.RAMP, a.config.mode());
        assertEquals("127.0.0.1:4433", LoopbackTarget.format(a.config.target()));
        assertEquals(1000, a.config.count());
        assertEquals(50_000, a.config.rate());
        assertEquals(2.5, a.config.seconds());
        assertEquals(64, a.config.size());
        assertEquals(7, a.config.seed());
        assertEquals(250, a.config.drainMillis());
        assertEquals(Path.of("out.json"), a.jsonFile);
        assertFalse(a.jsonToStdout);
        assertTrue(a.tableToStdout);
    }

    @Test
    void jsonDashAndJsonOnlyPrintJsonOnStdout() {
        UdpLoadArgs a = UdpLoadArgs.parse("--mode", "burst", "--target", "127.0.0.1:1", "--json", "-");
        assertTrue(a.jsonToStdout);
        assertNull(a.jsonFile);
        UdpLoadArgs b = UdpLoadArgs.parse("--mode", "burst", "--target", "127.0.0.1:1", "--json-only");
        assertTrue(b.jsonToStdout);
        assertFalse(b.tableToStdout);
    }

    @Test
    void badArgumentsSayWhatToFix() {
        assertMessage("missing --mode", "--target", "127.0.0.1:1");
        assertMessage("unknown mode 'flood'", "--mode", "flood", "--target", "127.0.0.1:1");
        assertMessage("missing target", "--mode", "burst");
        assertMessage("refusing target", "--mode", "burst", "--target", "192.168.0.1:53");
        assertMessage("--count wants a whole number", "--mode", "burst", "--target", "127.0.0.1:1", "--count", "lots");
        assertMessage("--size must be 28", "--mode", "burst", "--target", "127.0.0.1:1", "--size", "10");
        assertMessage("unknown option '--flood'", "--mode", "burst", "--target", "127.0.0.1:1", "--flood", "1");
        assertMessage("--rate needs a value", "--mode", "burst", "--target", "127.0.0.1:1", "--rate");
        assertEquals(2, UdpLoadMain.run("--mode", "burst", "--target", "10.0.0.1:1"));
    }

    @Test
    void writesTheJsonReportToAFile(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("report.json");
        try (JvmUdpEcho echo = JvmUdpEcho.start(0)) {
            int code = UdpLoadMain.run("--mode", "burst", "--target", LoopbackTarget.format(echo.address()),
                    "--count", "50", "--size", "100", "--seed", "5", "--json", json.toString());
            assertEquals(0, code);
        }
        JsonNode j = new ObjectMapper().readTree(Files.readString(json));
        assertEquals("burst", j.get("mode").asText());
        assertEquals(5, j.get("seed").asLong());
        assertEquals(50, j.get("sent").asLong());
        assertEquals(50, j.get("answered").asLong());
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UdpLoadArgs.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
