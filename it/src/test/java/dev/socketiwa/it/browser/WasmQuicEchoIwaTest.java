package dev.socketiwa.it.browser;

import dev.socketiwa.examples.quicecho.QuicEcho;
import dev.socketiwa.it.quic.NettyQuicheEchoClient;
import dev.socketiwa.plugin.core.bundle.WebResource;
import dev.socketiwa.plugin.core.dev.InstallabilityCheck;
import dev.socketiwa.runtime.quic.QuicServer;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4's browser test: the wasm build of examples/quic-echo, installed in headless Chromium as an Isolated Web App,
 * completes a handshake with Netty's quiche client and echoes several streams byte-identical, and datagrams. The same
 * app on the JVM runs first in the same test; handshake time and echo throughput of both (second connection, after
 * a warm-up one) are printed, never asserted.
 */
class WasmQuicEchoIwaTest {
    private static final int STREAMS = 4;
    private static final int STREAM_BYTES = 300_000;
    private static final int DATAGRAMS = 5;

    @Test
    void wasmQuicEchoInChromiumServesNettyQuiche() throws Exception {
        Figures jvm = jvmBaseline();
        System.out.println("[browser] quic-echo on the JVM: " + jvm);

        SortedMap<String, WebResource> content = ExampleApps.content("quic-echo", "Socket.IWA example: QUIC echo");
        assertEquals(List.of(), InstallabilityCheck.problems(content), "socketiwa:dev's pre-install check");
        int port = FreePorts.udp();
        try (BrowserHarness harness = BrowserHarness.builder()
                .content(content)
                .open("/?listen=127.0.0.1:" + port)
                .start()) {
            System.out.println("[browser] quic-echo wasm IWA: start until listening " + harness.startupTime().toMillis()
                    + " ms (" + harness.startupPhases() + ")");
            assertEquals(String.valueOf(port), harness.page().evaluate("document.body.dataset.port"), harness.diagnostics());
            Figures wasm;
            try {
                echo(port); // warm-up connection: same treatment as the JVM gets
                wasm = echo(port);
            } catch (Exception | AssertionError e) {
                throw new AssertionError("echo against the wasm app failed: " + e + "\npage stats "
                        + harness.page().evaluate("JSON.stringify(globalThis.socketiwa && globalThis.socketiwa.stats)")
                        + "\n" + harness.diagnostics(), e);
            }
            System.out.println("[browser] quic-echo wasm IWA in Chromium: " + wasm);
            assertTrue(wasm.cipherSuite.contains("CHACHA20"), "the browser build prefers ChaCha20-Poly1305: " + wasm);
            System.out.printf("[browser] quic-echo wasm vs JVM: handshake %.1f ms vs %.1f ms; stream echo %.2f MB/s vs %.2f MB/s"
                            + " (%.2fx)%n", wasm.handshakeMillis, jvm.handshakeMillis, wasm.megabytesPerSecond,
                    jvm.megabytesPerSecond, wasm.megabytesPerSecond / jvm.megabytesPerSecond);
            assertEquals("listening", harness.page().evaluate("document.body.dataset.state"), harness.diagnostics());
            assertTrue(String.valueOf(harness.page().evaluate("document.getElementById('log').textContent"))
                    .contains("quic-echo: serving ALPN echo, h3 on 127.0.0.1:" + port), "the page shows the app's log\n"
                    + harness.diagnostics());
        }
    }

    /** One connection: handshake, STREAMS streams echoed byte-identical, DATAGRAMS datagrams back. */
    private static Figures echo(int port) throws Exception {
        try (NettyQuicheEchoClient client = new NettyQuicheEchoClient(port)) {
            Random r = new Random(44);
            byte[][] payload = new byte[STREAMS][STREAM_BYTES];
            for (byte[] p : payload) r.nextBytes(p);
            long start = System.nanoTime();
            byte[][] got = client.echoStreams(payload, 120);
            long elapsed = System.nanoTime() - start;
            for (int i = 0; i < STREAMS; i++) {
                assertArrayEquals(payload[i], got[i], "stream " + i + " must come back byte-identical; " + client.closeReason());
            }
            for (int i = 0; i < DATAGRAMS; i++) {
                client.sendDatagram(("datagram " + i).getBytes(StandardCharsets.US_ASCII));
            }
            List<byte[]> datagrams = client.datagrams(DATAGRAMS, 5000);
            assertEquals(DATAGRAMS, datagrams.size(), "loopback should lose no datagram");
            for (byte[] d : datagrams) {
                assertTrue(new String(d, StandardCharsets.US_ASCII).startsWith("datagram "), "a datagram comes back as sent");
            }
            return new Figures(client.cipherSuite(), client.handshakeNanos() / 1e6, STREAMS * (double) STREAM_BYTES / (elapsed / 1e9) / 1e6);
        }
    }

    private static Figures jvmBaseline() throws Exception {
        QuicServer server = QuicEcho.server(new String[0]);
        DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        Thread thread = new Thread(() -> server.serve(udp), "jvm-quic-echo");
        thread.setDaemon(true);
        thread.start();
        try {
            echo(udp.localEndpoint().port()); // warm-up connection: the JIT and the JCA's first use, not measured
            return echo(udp.localEndpoint().port());
        } finally {
            server.stop();
            thread.join(5000);
            udp.close();
        }
    }

    private record Figures(String cipherSuite, double handshakeMillis, double megabytesPerSecond) {
        @Override
        public String toString() {
            return String.format("%s, handshake %.1f ms, %d streams x %d B echoed at %.2f MB/s (payload bytes one way)",
                    cipherSuite, handshakeMillis, STREAMS, STREAM_BYTES, megabytesPerSecond);
        }
    }
}
