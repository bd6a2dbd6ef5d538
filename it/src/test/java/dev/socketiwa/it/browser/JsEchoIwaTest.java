package dev.socketiwa.it.browser;

import dev.socketiwa.plugin.core.bundle.WebResource;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness itself against real Chromium, with a hand-written JavaScript echo IWA (test fixture, no wasm): proves
 * dev-proxy install, the permission grant, launch with ?listen= and Direct Sockets UDP echo end to end.
 */
class JsEchoIwaTest {
    @Test
    void handWrittenIwaEchoesUdpThroughDirectSockets() throws Exception {
        int port = FreePorts.udp();
        try (BrowserHarness harness = BrowserHarness.builder()
                .content(AppContents.fixture("iwa/js-echo", "JS echo fixture"))
                .open("/?listen=127.0.0.1:" + port)
                .start();
             UdpEchoClient client = new UdpEchoClient(new InetSocketAddress("127.0.0.1", port), UdpEchoClient.MAX_IPV4_PAYLOAD)) {
            System.out.println("[browser] JS echo IWA: install+grant+launch until listening took "
                    + harness.startupTime().toMillis() + " ms (" + harness.startupPhases() + ")");
            assertEquals(String.valueOf(port), harness.page().evaluate("document.body.dataset.port"),
                    harness.diagnostics());
            UdpEchoClient.Result result = client.echoWindowed(2000, 16, Duration.ofSeconds(10));
            System.out.println("[browser] JS echo IWA, windowed: " + result);
            assertEquals(2000, result.echoed(), result + "\n" + harness.diagnostics());
            assertEquals(0, result.stray(), result + "\n" + harness.diagnostics());

            UdpEchoClient.Result burst = client.echoBurst(10_000, Duration.ofSeconds(3));
            System.out.println("[browser] JS echo IWA, burst of 10000 without waiting: " + burst);
            UdpEchoClient.Result after = client.echoWindowed(100, 8, Duration.ofSeconds(10));
            assertEquals(100, after.echoed(), "still echoing after the burst: " + after + "\n" + harness.diagnostics());

            // a reload (what a developer does after a rebuild) keeps the grant: the new document binds the port again
            harness.page().reload();
            harness.page().waitFor("!!document.body && document.body.dataset.state === 'listening'", Duration.ofSeconds(30));
            UdpEchoClient.Result reloaded = client.echoWindowed(100, 8, Duration.ofSeconds(10));
            assertEquals(100, reloaded.echoed(), "echoing after a reload: " + reloaded + "\n" + harness.diagnostics());
            assertTrue(harness.page().consoleLines().stream().anyMatch(l -> l.contains("listening on 127.0.0.1:" + port)),
                    harness.diagnostics());
        }
    }
}
