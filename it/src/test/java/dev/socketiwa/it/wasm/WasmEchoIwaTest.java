package dev.socketiwa.it.wasm;

import dev.socketiwa.examples.echo.UdpEcho;
import dev.socketiwa.it.browser.BrowserHarness;
import dev.socketiwa.it.browser.FreePorts;
import dev.socketiwa.it.browser.UdpEchoClient;
import dev.socketiwa.plugin.core.bundle.AppContent;
import dev.socketiwa.plugin.core.bundle.AppContentSpec;
import dev.socketiwa.plugin.core.bundle.ManifestSpec;
import dev.socketiwa.plugin.core.bundle.WebResource;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The udp-echo example exactly as built (wasm, CSP-safe loader, shim, page, its src/main/iwa and manifest) installed
 * as an Isolated Web App in headless Chromium with real Direct Sockets UDP: 10,000 datagrams of 1..1472 bytes come
 * back byte-identical, a 10,000 burst is survived (losses reported), and the rate is set beside the same app on the JVM.
 */
class WasmEchoIwaTest {
    @Test
    void compiledEchoAppServesRealUdpInsideChromium() throws Exception {
        Path web = NodeWasmEchoTest.exampleWeb();
        Path example = web.resolve("../../..").normalize();
        SortedMap<String, WebResource> content = AppContent.collect(new AppContentSpec(example.resolve("src/main/iwa"),
                java.util.List.of(web), new ManifestSpec("Socket.IWA example: UDP echo", "0.1.0", "/", "standalone", null)));
        int port = FreePorts.udp();
        double browserRate;
        try (BrowserHarness harness = BrowserHarness.builder().content(content).open("/?listen=127.0.0.1:" + port).start();
             UdpEchoClient client = new UdpEchoClient(new InetSocketAddress("127.0.0.1", port), UdpEchoClient.MAX_IPV4_PAYLOAD)) {
            System.out.println("[wasm-iwa] install+grant+launch until listening: " + harness.startupTime().toMillis() + " ms");
            assertEquals(String.valueOf(port), harness.page().evaluate("document.body.dataset.port"), harness.diagnostics());

            UdpEchoClient.Result all = client.echoWindowed(10_000, 16, Duration.ofSeconds(10));
            System.out.println("[wasm-iwa] 10000 datagrams of 1..1472 bytes, window 16: " + all);
            assertEquals(10_000, all.echoed(), all + "\n" + harness.diagnostics());
            assertEquals(0, all.stray(), "every echo must be byte-identical: " + all);
            browserRate = all.perSecond();

            UdpEchoClient.Result burst = client.echoBurst(10_000, Duration.ofSeconds(3));
            System.out.println("[wasm-iwa] burst of 10000 without waiting: " + burst + "; shim "
                    + harness.page().evaluate("JSON.stringify(globalThis.socketiwa && globalThis.socketiwa.stats)"));
            assertEquals(0, burst.stray(), "no echo may come back altered: " + burst);
            assertEquals("listening", harness.page().evaluate("document.body.dataset.state"),
                    "the app must survive the burst\n" + harness.diagnostics());
            UdpEchoClient.Result after = client.echoWindowed(200, 8, Duration.ofSeconds(10));
            assertEquals(200, after.echoed(), "still echoing after the burst: " + after + "\n" + harness.diagnostics());
            assertTrue(String.valueOf(harness.page().evaluate("document.getElementById('log').textContent"))
                    .contains("udp-echo: serving on 127.0.0.1:" + port), harness.diagnostics());
        }

        DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.parse("127.0.0.1:0"));
        Thread server = new Thread(() -> {
            try {
                new UdpEcho().serve(udp);
            } catch (RuntimeException closed) {
                // closing the socket ends the loop
            }
        });
        server.start();
        try (UdpEchoClient client = new UdpEchoClient(new InetSocketAddress("127.0.0.1", udp.localEndpoint().port()),
                UdpEchoClient.MAX_IPV4_PAYLOAD)) {
            UdpEchoClient.Result jvm = client.echoWindowed(10_000, 16, Duration.ofSeconds(10));
            System.out.printf("[echo-rate] 10000 datagrams of 1..1472 bytes, window 16: wasm in Chromium IWA %.0f/s, "
                    + "same app on the JVM %.0f/s (ratio %.2f)%n", browserRate, jvm.perSecond(), browserRate / jvm.perSecond());
            assertEquals(10_000, jvm.echoed(), jvm.toString());
        } finally {
            udp.close();
            server.join(5000);
        }
    }
}
