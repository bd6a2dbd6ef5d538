package dev.socketiwa.it.h3;

import dev.socketiwa.it.tools.TestTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * ngtcp2's gtlsclient (an independent HTTP/3 and QPACK implementation, nghttp3) against our JVM HTTP/3 server, with
 * the sizes issue 5 asks for: a 50 MiB download and a 10 MiB echo.
 */
class GtlsClientH3Test {
    private static OurH3Server server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = new OurH3Server();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.close();
    }

    /** Runs gtlsclient for one request; returns its output. quiet suppresses the per-packet debug log. */
    private String gtlsclient(boolean quiet, String path, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(TestTools.gtlsclient().toString(), "--exit-on-all-streams-close",
                "--download", dir.resolve("dl").toString()));
        cmd.add(quiet ? "-q" : "--no-quic-dump");
        if (!quiet) cmd.add("--no-http-dump");
        cmd.addAll(List.of(extra));
        String port = Integer.toString(server.port());
        cmd.addAll(List.of("127.0.0.1", port, "https://127.0.0.1:" + port + path));
        Files.createDirectories(dir.resolve("dl"));
        Path log = dir.resolve("gtlsclient.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("gtlsclient did not finish in 120 s: " + String.join(" ", cmd));
        }
        String out = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertEquals(0, p.exitValue(), "gtlsclient failed:\n" + tail(out));
        return out;
    }

    private static String tail(String s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }

    @Test
    void getRootIs200WithThePage() throws Exception {
        String out = gtlsclient(false, "/");
        assertTrue(out.contains("Negotiated ALPN is h3"), tail(out));
        assertTrue(out.contains("[:status: 200]"), tail(out));
        String page = Files.readString(dir.resolve("dl/index.html"), StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!doctype html>") && page.contains("Socket.IWA"), page);
    }

    @Test
    void unknownPathIs404() throws Exception {
        String out = gtlsclient(false, "/nothing-here");
        assertTrue(out.contains("[:status: 404]"), tail(out));
    }

    @Test
    void downloads50MiBWithTheRightBytes() throws Exception {
        int n = 50 * 1024 * 1024;
        long t0 = System.nanoTime();
        gtlsclient(true, "/bytes/" + n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        byte[] got = Files.readAllBytes(dir.resolve("dl/" + n));
        assertEquals(n, got.length);
        for (int i = 0; i < n; i++) {
            if (got[i] != (byte) ('a' + (i % 16384) % 26)) fail("wrong byte at offset " + i);
        }
        System.out.printf("gtlsclient GET /bytes/%d from our server: %.2f s, %.1f MB/s (process start included)%n",
                n, seconds, n / seconds / 1e6);
    }

    @Test
    void echoes10MiBByteIdentical() throws Exception {
        byte[] body = new byte[10 * 1024 * 1024];
        new Random(5).nextBytes(body);
        Path upload = dir.resolve("upload.bin");
        Files.write(upload, body);
        String out = gtlsclient(false, "/echo", "-m", "POST", "-d", upload.toString());
        assertTrue(out.contains("[:status: 200]"), tail(out));
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("dl/echo")));
    }
}
