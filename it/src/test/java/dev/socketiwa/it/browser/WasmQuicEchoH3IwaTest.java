package dev.socketiwa.it.browser;

import dev.socketiwa.it.h3.GtlsClientRun;
import dev.socketiwa.plugin.core.bundle.WebResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 5's in-browser HTTP/3 proof with an independent peer: the wasm build of examples/quic-echo, installed in
 * headless Chromium as an Isolated Web App, serves ngtcp2's gtlsclient (nghttp3 for HTTP/3 and QPACK) over the
 * app's Direct Sockets UDP port: GET / is the page, GET /bytes/N has the right length and bytes, POST /echo comes back
 * byte-identical.
 */
class WasmQuicEchoH3IwaTest {
    private static final int BYTES = 1024 * 1024;
    private static final int ECHO_BYTES = 256 * 1024;

    @TempDir
    Path dir;

    @Test
    void gtlsclientGetsTheDemoRoutesFromTheWasmApp() throws Exception {
        SortedMap<String, WebResource> content = ExampleApps.content("quic-echo", "Socket.IWA example: QUIC echo");
        int port = FreePorts.udp();
        try (BrowserHarness harness = BrowserHarness.builder().content(content).open("/?listen=127.0.0.1:" + port).start()) {
            GtlsClientRun client = new GtlsClientRun(dir, port);
            try {
                String root = client.request("/");
                assertTrue(root.contains("Negotiated ALPN is h3"), GtlsClientRun.tail(root));
                assertTrue(root.contains("[:status: 200]"), GtlsClientRun.tail(root));
                String page = new String(client.downloaded("index.html"), StandardCharsets.UTF_8);
                assertTrue(page.startsWith("<!doctype html>") && page.contains("Socket.IWA"), page);

                String bytes = client.request("/bytes/" + BYTES);
                assertTrue(bytes.contains("[:status: 200]"), GtlsClientRun.tail(bytes));
                assertTrue(bytes.contains("[content-length: " + BYTES + "]"), GtlsClientRun.tail(bytes));
                byte[] got = client.downloaded(Integer.toString(BYTES));
                assertEquals(BYTES, got.length, "GET /bytes/" + BYTES + " body length");
                for (int i = 0; i < BYTES; i++) {
                    if (got[i] != (byte) ('a' + (i % 16384) % 26)) fail("wrong byte at offset " + i);
                }

                byte[] body = new byte[ECHO_BYTES];
                new Random(5).nextBytes(body);
                Path upload = Files.write(dir.resolve("upload.bin"), body);
                String echo = client.request("/echo", "-m", "POST", "-d", upload.toString());
                assertTrue(echo.contains("[:status: 200]"), GtlsClientRun.tail(echo));
                assertArrayEquals(body, client.downloaded("echo"), "POST /echo must come back byte-identical");
            } catch (AssertionError | Exception e) {
                throw new AssertionError(e.getMessage() + "\n" + harness.diagnostics(), e);
            }
        }
    }
}
