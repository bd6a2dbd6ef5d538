package dev.socketiwa.it.browser;

import dev.socketiwa.plugin.core.bundle.WebResource;
import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.ServerCertificate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8's browser build: the wasm quic-echo in the Chromium IWA creates its WebTransport certificate in wasm,
 * keeps it in the app's own origin storage (localStorage) and shows its hash on the page; after a reload (same
 * profile) it serves the same certificate; our QUIC client pinning that hash connects both times and a wrong pin is
 * refused, and after the reload Chromium's WebTransport connects with the snippet the page showed before it. Then a
 * stored certificate inside its rotation overlap: the next start publishes both hashes, the page lists both, and the
 * stored one is still served. The private key is in the origin storage only, never in the signed bundle.
 */
class WasmQuicEchoCertificateIwaTest {
    private static final String FIRST = "globalThis.socketiwa.certificates.certificates[0]";
    private static final String LOG = "document.getElementById('log').textContent";
    private static final Pattern PEM_KEY = Pattern.compile("PRIVATE KEY-----\\s*[A-Za-z0-9+/]{16}");
    private static final long FOURTEEN_DAYS = 14L * 24 * 3600 * 1000;

    @Test
    void certificateIsMadeInWasmKeptAcrossAReloadAndPinnable() throws Exception {
        SortedMap<String, WebResource> content = ExampleApps.content("quic-echo", "Socket.IWA example: QUIC echo");
        int port = FreePorts.udp();
        try (BrowserHarness harness = BrowserHarness.builder().content(content).open("/?listen=127.0.0.1:" + port).start()) {
            String hash = publishedHash(harness);
            String log = String.valueOf(harness.page().evaluate(LOG));
            assertTrue(log.contains("quic-echo: certificate created in"), "first start creates the certificate\n" + log);
            assertTrue(String.valueOf(harness.page().evaluate("document.getElementById('certificate-list').textContent"))
                    .contains(hash), "the page shows the hash");
            String snippet = String.valueOf(harness.page().evaluate("document.getElementById('snippet').textContent"));
            assertEquals(String.valueOf(harness.page().evaluate("globalThis.socketiwa.certificates.snippet")), snippet);
            assertTrue(snippet.startsWith("serverCertificateHashes: [{ algorithm: 'sha-256', value: new Uint8Array(["
                    + bytesList(hash) + "]) }]"), snippet);
            long validity = number(harness, FIRST + ".notAfterMillis") - number(harness, FIRST + ".notBeforeMillis");
            assertTrue(validity > 0 && validity <= FOURTEEN_DAYS, "WebTransport accepts at most 14 days: " + validity);
            System.out.println("[browser] " + line(log, "quic-echo: certificate created"));

            byte[] payload = "pinned echo".getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals(payload, PinnedQuicClient.echo(port, List.of(HexFormat.of().parseHex(hash)), payload),
                    "a client pinning the published hash connects");
            AssertionError refused = assertThrows(AssertionError.class,
                    () -> PinnedQuicClient.echo(port, List.of(new byte[32]), payload), "a wrong pin must be refused");
            assertTrue(refused.getMessage().contains("no pinned handshake"), refused.getMessage());

            String storedKey = String.valueOf(harness.page().evaluate(
                    "localStorage.getItem('socketiwa.webtransport.current.key')"));
            assertTrue(storedKey.startsWith("-----BEGIN PRIVATE KEY-----"), "the key lives in the app's storage: " + storedKey);
            assertKeyNotShipped(content, storedKey);

            harness.page().reload();
            harness.page().waitFor("document.body.dataset.state === 'listening' || document.body.dataset.state === 'failed'",
                    java.time.Duration.ofSeconds(60));
            assertEquals("listening", harness.page().evaluate("document.body.dataset.state"), harness.diagnostics());
            String reloadLog = String.valueOf(harness.page().evaluate(LOG));
            assertTrue(reloadLog.contains("quic-echo: certificate loaded in"), "a reload loads it\n" + reloadLog);
            assertEquals(hash, publishedHash(harness), "a reload keeps the same certificate");
            System.out.println("[browser] " + line(reloadLog, "quic-echo: certificate loaded"));
            assertArrayEquals(payload, PinnedQuicClient.echo(port, List.of(HexFormat.of().parseHex(hash)), payload),
                    "the same pin connects after the reload");
            try (WebTransportTab tab = new WebTransportTab(harness.chromium())) {
                assertEquals("connected", tab.tryConnect("https://127.0.0.1:" + port + "/wt", snippet),
                        "Chromium's WebTransport with the snippet published before the reload\n" + tab.diagnostics());
            }

            // A stored certificate 11 days into its 13: in the 3-day overlap, before the switch. On the next start the
            // wasm server makes the next certificate, publishes both hashes (the page shows two) and still serves the
            // stored one.
            ServerCertificate old = new CertificateGenerator(new SecureRandomSource())
                    .generate(CertificateRequest.defaults(), System.currentTimeMillis() - 11 * CertificateRequest.DAY_MILLIS);
            harness.page().evaluate("localStorage.setItem('socketiwa.webtransport.current.cert', "
                    + jsonQuote(old.certificatePem()) + "), localStorage.setItem('socketiwa.webtransport.current.key', "
                    + jsonQuote(old.privateKeyPem()) + "), true");
            harness.page().reload();
            harness.page().waitFor("document.body.dataset.state === 'listening' || document.body.dataset.state === 'failed'",
                    java.time.Duration.ofSeconds(60));
            assertEquals("listening", harness.page().evaluate("document.body.dataset.state"), harness.diagnostics());
            assertEquals(2, number(harness, "globalThis.socketiwa.certificates.certificates.length"),
                    "both hashes published during the overlap\n" + harness.diagnostics());
            String oldHash = HexFormat.of().formatHex(old.sha256());
            assertEquals(oldHash, String.valueOf(harness.page().evaluate(FIRST + ".sha256Hex")));
            String nextHash = String.valueOf(harness.page().evaluate("globalThis.socketiwa.certificates.certificates[1].sha256Hex"));
            assertEquals(2, number(harness, "document.getElementById('certificate-list').children.length"), "the page lists both");
            assertTrue(String.valueOf(harness.page().evaluate("document.getElementById('snippet').textContent"))
                    .contains(bytesList(nextHash)), "the snippet pins both");
            assertEquals(Boolean.TRUE, harness.page().evaluate(
                    "localStorage.getItem('socketiwa.webtransport.next.cert') !== null"), "the next certificate is stored too");
            assertArrayEquals(payload, PinnedQuicClient.echo(port, List.of(HexFormat.of().parseHex(oldHash),
                    HexFormat.of().parseHex(nextHash)), payload), "a client pinning both published hashes connects");
            assertArrayEquals(payload, PinnedQuicClient.echo(port, List.of(HexFormat.of().parseHex(oldHash)), payload),
                    "before the switch the stored certificate is still the one served");
        }
    }

    private static String publishedHash(BrowserHarness harness) {
        harness.page().waitFor("!!(globalThis.socketiwa && globalThis.socketiwa.certificates)", java.time.Duration.ofSeconds(30));
        assertEquals(1, number(harness, "globalThis.socketiwa.certificates.certificates.length"),
                "one certificate outside a rotation overlap");
        String hash = String.valueOf(harness.page().evaluate(FIRST + ".sha256Hex"));
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        return hash;
    }

    /**
     * Neither the served content nor the signed bundle holds a private key: no PEM key block (the wasm does hold the
     * label as a string constant, without a key after it), and not the raw private scalar of the key in use (PKCS#8
     * of a P-256 key: the 32-byte scalar follows a fixed 36-byte prefix).
     */
    private static void assertKeyNotShipped(SortedMap<String, WebResource> content, String storedKey) throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(storedKey.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "").strip());
        String scalar = new String(Arrays.copyOfRange(der, 36, 68), StandardCharsets.ISO_8859_1);
        for (var e : content.entrySet()) {
            String text = new String(e.getValue().body(), StandardCharsets.ISO_8859_1);
            assertFalse(PEM_KEY.matcher(text).find() || text.contains(scalar), "no key in " + e.getKey());
        }
        Path target = ExampleApps.directory("quic-echo").resolve("target");
        List<Path> bundles;
        try (Stream<Path> files = Files.list(target)) {
            bundles = files.filter(p -> p.toString().endsWith(".swbn")).toList();
        }
        assertFalse(bundles.isEmpty(), "mvn package builds quic-echo's .swbn in " + target);
        for (Path swbn : bundles) {
            String bytes = new String(Files.readAllBytes(swbn), StandardCharsets.ISO_8859_1);
            assertFalse(PEM_KEY.matcher(bytes).find() || bytes.contains(scalar), "no key in " + swbn);
        }
    }

    private static String jsonQuote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static long number(BrowserHarness harness, String expression) {
        return Long.parseLong(String.valueOf(harness.page().evaluate("String(" + expression + ")")));
    }

    private static String bytesList(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            s.append(i > 0 ? ", " : "").append(b[i] & 0xff);
        }
        return s.toString();
    }

    private static String line(String log, String prefix) {
        int i = log.indexOf(prefix);
        if (i < 0) return "(no '" + prefix + "' in the log)";
        int end = log.indexOf("quic-echo:", i + prefix.length());
        return log.substring(i, end < 0 ? Math.min(log.length(), i + 200) : end);
    }
}
