package dev.socketiwa.it.browser;

import dev.socketiwa.plugin.core.bundle.WebResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5's in-browser WebTransport: Chromium's WebTransport, in a plain http://127.0.0.1 tab of the same browser,
 * pinned with the serverCertificateHashes snippet the IWA published, against the wasm quic-echo's /wt on the app's
 * Direct Sockets port: datagrams, a bidirectional stream and a unidirectional stream echoed byte-identical, then a
 * close with a code and reason that the wasm server logs on the app's page.
 */
class WasmQuicEchoWebTransportIwaTest {
    private static final int CLOSE_CODE = 4242;
    private static final String CLOSE_REASON = "bye from the tab";

    @Test
    void aTabEchoesThroughTheWasmServerAndItSeesTheClose() throws Exception {
        SortedMap<String, WebResource> content = ExampleApps.content("quic-echo", "Socket.IWA example: QUIC echo");
        int port = FreePorts.udp();
        try (BrowserHarness harness = BrowserHarness.builder().content(content).open("/?listen=127.0.0.1:" + port).start();
             WebTransportTab tab = new WebTransportTab(harness.chromium())) {
            harness.page().waitFor("!!(globalThis.socketiwa && globalThis.socketiwa.certificates)", Duration.ofSeconds(30));
            String snippet = String.valueOf(harness.page().evaluate("globalThis.socketiwa.certificates.snippet"));
            String url = "https://127.0.0.1:" + port + "/wt";
            String result = tab.echo(url, snippet, CLOSE_CODE, CLOSE_REASON);
            System.out.println("[browser] WebTransport tab against the wasm quic-echo IWA: " + result);
            for (String expected : new String[] {"\"ready\":true",
                "\"datagramsEchoed\":[\"datagram 0\",\"datagram 1\",\"datagram 2\"]",
                "\"bidiLength\":100000", "\"bidiIdentical\":true", "\"uniLength\":30000", "\"uniIdentical\":true",
                "\"step\":\"done\""}) {
                assertTrue(result.contains(expected), "expected " + expected + " in " + result + "\n" + tab.diagnostics()
                        + "\n" + harness.diagnostics());
            }
            String closeLine = "closed with code " + CLOSE_CODE + " reason \"" + CLOSE_REASON + "\"";
            harness.page().waitFor("document.getElementById('log').textContent.includes(" + jsonQuote(closeLine) + ")",
                    Duration.ofSeconds(10));

            String wrong = tab.tryConnect(url, "serverCertificateHashes: [{ algorithm: 'sha-256', value: new Uint8Array(32) }]");
            assertTrue(wrong.startsWith("refused"), "a wrong hash must be refused: " + wrong);
        }
    }

    private static String jsonQuote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
