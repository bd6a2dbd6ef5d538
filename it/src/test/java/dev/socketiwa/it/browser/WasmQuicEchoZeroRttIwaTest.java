package dev.socketiwa.it.browser;

import dev.socketiwa.examples.quicecho.tools.ZeroRttCheck;
import dev.socketiwa.it.tools.TestTools;
import dev.socketiwa.plugin.core.bundle.WebResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 against the wasm server inside Chromium: examples/quic-echo's wasm build, installed as an Isolated Web App,
 * issues a session ticket on connection 1 and accepts the same client's "hello from 0-RTT" in 0-RTT on connection 2
 * (ZeroRttCheck, the JVM check, aimed at the IWA's UDP port); then ngtcp2's gtlsclient, run twice with its session and
 * transport-parameter files, sends its second request in 0-RTT. Times to first echo byte are printed, never asserted.
 */
class WasmQuicEchoZeroRttIwaTest {
    /** ngtcp2's log line for a request (client bidi stream 0 with FIN) sent in a 0-RTT packet. */
    private static final Pattern REQUEST_IN_0RTT = Pattern.compile("frm tx \\d+ 0RTT STREAM\\(0x0b\\) id=0x0 fin=1");

    @Test
    void wasmQuicEchoInChromiumResumesInZeroRtt(@TempDir Path dir) throws Exception {
        SortedMap<String, WebResource> content = ExampleApps.content("quic-echo", "Socket.IWA example: QUIC echo");
        int port = FreePorts.udp();
        try (BrowserHarness harness = BrowserHarness.builder()
                .content(content)
                .open("/?listen=127.0.0.1:" + port)
                .start()) {
            assertEquals(String.valueOf(port), harness.page().evaluate("document.body.dataset.port"), harness.diagnostics());
            String target = "127.0.0.1:" + port;

            // One untimed round first (full handshake + resumption): the client's JIT, not the protocol, would
            // otherwise dominate connection 1's time.
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            ZeroRttCheck.Result[] r = ZeroRttCheck.run(target, 0, dir.resolve("ticket.bin"), 1, tee(lines));
            String out = lines.toString(StandardCharsets.UTF_8);
            String context = out + "\npage stats " + pageStats(harness) + "\n" + harness.diagnostics();
            assertTrue(out.contains("connection 1 (full handshake): PASS"), context);
            assertTrue(out.contains("connection 2 (0-RTT resume): PASS"), context);
            assertEquals("hello from 0-RTT", r[1].echo, context);
            assertTrue(r[1].sentBeforeHandshake, "the message left before the handshake completed\n" + context);
            assertTrue(r[1].zeroRttPackets > 0, "the message rode in 0-RTT packets\n" + context);
            assertTrue(r[1].earlyDataAccepted, "the wasm server accepted 0-RTT\n" + context);
            assertFalse(r[0].earlyDataAccepted, "connection 1 had no ticket, so no 0-RTT\n" + context);

            ZeroRttCheck.Result[] delayed = ZeroRttCheck.run(target, 50, dir.resolve("ticket-delayed.bin"), 1,
                    tee(new ByteArrayOutputStream()));
            System.out.printf("[browser] quic-echo wasm IWA, time to first echo byte: loopback full %.1f ms vs 0-RTT %.1f ms;"
                            + " +50 ms each way full %.1f ms vs 0-RTT %.1f ms (0-RTT %s)%n", r[0].firstByteMillis,
                    r[1].firstByteMillis, delayed[0].firstByteMillis, delayed[1].firstByteMillis,
                    delayed[1].pass ? "accepted" : "FAILED: " + delayed[1].problem);
            assertTrue(delayed[0].pass && delayed[1].pass, "the same check through a 50 ms relay: " + delayed[0].problem
                    + " / " + delayed[1].problem + "\n" + harness.diagnostics());

            String first = gtlsclient(dir, port, "first");
            assertTrue(first.contains(":status: 200"), first);
            assertFalse(first.contains("type=0RTT"), "no ticket yet, so no 0-RTT: " + first);
            assertTrue(Files.size(dir.resolve("session.pem")) > 0 && Files.size(dir.resolve("tp.bin")) > 0,
                    "gtlsclient saved the wasm server's ticket and transport parameters");
            String second = gtlsclient(dir, port, "second");
            assertTrue(REQUEST_IN_0RTT.matcher(second).find(), "the request goes in 0-RTT: " + tail(second));
            assertFalse(second.contains("Early data was rejected by server"), tail(second));
            assertTrue(second.contains(":status: 200"), tail(second));
        }
    }

    /** Prints to stdout (the build log) and keeps a copy for the assertions. */
    private static PrintStream tee(ByteArrayOutputStream copy) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                System.out.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                System.out.write(b, off, len);
                copy.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
    }

    private static Object pageStats(BrowserHarness harness) {
        return harness.page().evaluate("JSON.stringify(globalThis.socketiwa && globalThis.socketiwa.stats)");
    }

    /** One gtlsclient run with the shared session and transport-parameter files; its full log (packet dump included). */
    private static String gtlsclient(Path dir, int port, String name) throws Exception {
        Path log = dir.resolve("gtlsclient-" + name + ".log");
        Process p = new ProcessBuilder(TestTools.gtlsclient().toString(), "--exit-on-all-streams-close",
                "--session-file=" + dir.resolve("session.pem"), "--tp-file=" + dir.resolve("tp.bin"),
                "127.0.0.1", String.valueOf(port), "https://127.0.0.1:" + port + "/")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = p.waitFor(30, TimeUnit.SECONDS);
        if (!exited) p.destroyForcibly().waitFor();
        String out = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertTrue(exited, "gtlsclient hung: " + tail(out));
        assertEquals(0, p.exitValue(), tail(out));
        return out;
    }

    private static String tail(String s) {
        return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
    }
}
