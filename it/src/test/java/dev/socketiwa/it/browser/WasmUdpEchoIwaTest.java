package dev.socketiwa.it.browser;

import dev.socketiwa.examples.echo.UdpEcho;
import dev.socketiwa.plugin.core.bundle.WebResource;
import dev.socketiwa.plugin.core.dev.InstallabilityCheck;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser test: the wasm build of examples/udp-echo, installed in real headless Chromium as an Isolated Web
 * App, echoes 10,000 datagrams of 1 to 1472 bytes byte-identical, survives a burst of 10,000 sent without waiting
 * (losses are reported, not asserted), and still echoes afterwards. The same app on the JVM runs first in the same
 * test for a first rate comparison (printed, never asserted).
 */
class WasmUdpEchoIwaTest {
    private static final int COUNT = 10_000;
    private static final int WINDOW = 32;
    /** No answer for this long means a datagram is lost: nothing is resent, so the test fails and names it. */
    private static final Duration QUIET = Duration.ofSeconds(10);

    @Test
    void wasmEchoInChromiumAnswersEveryDatagramAndSurvivesABurst() throws Exception {
        UdpEchoClient.Result jvm = jvmBaseline();
        System.out.println("[browser] udp-echo on the JVM, windowed (" + WINDOW + " in flight): " + jvm);

        SortedMap<String, WebResource> content = ExampleApps.content("udp-echo", "Socket.IWA example: UDP echo");
        assertEquals(List.of(), InstallabilityCheck.problems(content), "socketiwa:dev's pre-install check");
        int port = FreePorts.udp();
        try (BrowserHarness harness = BrowserHarness.builder()
                .content(content)
                .open("/?listen=127.0.0.1:" + port)
                .start();
             UdpEchoClient client = new UdpEchoClient(new InetSocketAddress("127.0.0.1", port), UdpEchoClient.MAX_IPV4_PAYLOAD)) {
            System.out.println("[browser] udp-echo wasm IWA: dev server + Chromium start + install + grant + launch until"
                    + " listening: " + harness.startupTime().toMillis() + " ms (" + harness.startupPhases() + ")");
            assertEquals(String.valueOf(port), harness.page().evaluate("document.body.dataset.port"), harness.diagnostics());

            UdpEchoClient.Result echo = client.echoWindowed(COUNT, WINDOW, QUIET);
            System.out.println("[browser] udp-echo wasm IWA, windowed (" + WINDOW + " in flight): " + echo);
            assertEquals(COUNT, echo.sent(), echo + "\n" + harness.diagnostics());
            assertEquals(COUNT, echo.echoed(), "every datagram must come back byte-identical: " + echo + "\n" + harness.diagnostics());
            assertEquals(0, echo.stray(), "no answer may differ from what was sent: " + echo + "\n" + harness.diagnostics());
            System.out.printf("[browser] first echo rate: wasm in Chromium %.0f datagrams/s vs JVM %.0f datagrams/s (%.2fx)%n",
                    echo.perSecond(), jvm.perSecond(), echo.perSecond() / jvm.perSecond());

            UdpEchoClient.Result burst = client.echoBurst(COUNT, Duration.ofSeconds(3));
            System.out.println("[browser] udp-echo wasm IWA, burst of " + COUNT + " without waiting: " + burst
                    + "; page stats " + harness.page().evaluate("JSON.stringify(globalThis.socketiwa && globalThis.socketiwa.stats)"));

            // the example's manifest grants direct-sockets-multicast, so the shim shares its sends over several sockets
            assertEquals("4", String.valueOf(harness.page().evaluate("String(globalThis.socketiwa.stats.txSockets)")),
                    "sockets sharing the sends\n" + harness.diagnostics());

            UdpEchoClient.Result after = client.echoWindowed(200, 8, QUIET);
            assertEquals(200, after.echoed(), "the app must still echo after the burst: " + after + "\n" + harness.diagnostics());
            assertEquals("listening", harness.page().evaluate("document.body.dataset.state"), harness.diagnostics());
            assertTrue(String.valueOf(harness.page().evaluate("document.getElementById('log').textContent"))
                    .contains("udp-echo: serving on 127.0.0.1:" + port), "the page shows the app's log\n" + harness.diagnostics());
        }
    }

    private static UdpEchoClient.Result jvmBaseline() throws Exception {
        DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        Thread server = new Thread(() -> {
            try {
                new UdpEcho().serve(udp);
            } catch (RuntimeException closed) {
                // close() below ends the loop
            }
        }, "jvm-udp-echo");
        server.setDaemon(true);
        server.start();
        try (UdpEchoClient client = new UdpEchoClient(
                new InetSocketAddress("127.0.0.1", udp.localEndpoint().port()), UdpEchoClient.MAX_IPV4_PAYLOAD)) {
            UdpEchoClient.Result result = client.echoWindowed(COUNT, WINDOW, QUIET);
            assertEquals(COUNT, result.echoed(), "the JVM echo must answer everything: " + result);
            return result;
        } finally {
            udp.close();
            server.join(5000);
        }
    }
}
