package dev.socketiwa.it.h3;

import dev.socketiwa.it.tools.TestTools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One ngtcp2 gtlsclient request against an HTTP/3 server on 127.0.0.1: runs the process, fails the test with the tail of
 * its output when it does not exit 0, and keeps what it downloaded under {@code dir/dl} (named after the path's last
 * segment, index.html for "/").
 */
public final class GtlsClientRun {
    private final Path dir;
    private final int port;

    public GtlsClientRun(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** The request's output (HTTP headers included, QUIC packet dump left out); extra are gtlsclient options. */
    public String request(String path, String... extra) throws IOException, InterruptedException {
        Path downloads = Files.createDirectories(dir.resolve("dl"));
        List<String> cmd = new ArrayList<>(List.of(TestTools.gtlsclient().toString(), "--exit-on-all-streams-close",
                "--download", downloads.toString(), "--no-quic-dump"));
        cmd.addAll(List.of(extra));
        cmd.addAll(List.of("127.0.0.1", Integer.toString(port), "https://127.0.0.1:" + port + path));
        Path log = dir.resolve("gtlsclient.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("gtlsclient did not finish in 120 s: " + String.join(" ", cmd));
        }
        String out = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertEquals(0, p.exitValue(), "gtlsclient failed: " + String.join(" ", cmd) + "\n" + tail(out));
        return out;
    }

    /** A downloaded body, by the name gtlsclient gave it. */
    public byte[] downloaded(String name) throws IOException {
        return Files.readAllBytes(dir.resolve("dl").resolve(name));
    }

    public static String tail(String s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
