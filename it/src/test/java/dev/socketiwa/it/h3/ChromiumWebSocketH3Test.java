package dev.socketiwa.it.h3;

import dev.socketiwa.it.tools.TestTools;
import dev.socketiwa.runtime.h3.Responses;
import dev.socketiwa.runtime.h3.Routes;
import dev.socketiwa.runtime.websocket.WebSocket;
import dev.socketiwa.runtime.websocket.WebSocketHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Chromium 156 as a WebSocket-over-HTTP/3 client (RFC 9220) of our JVM server. Chromium ships the code behind the
 * EnableWebsocketsOverHttp3 feature, off by default: with it on, {@code new WebSocket("wss://...")} opens an extended
 * CONNECT on the HTTP/3 connection of the page. Our server listens on UDP only, so a WebSocket that opens at all went
 * over HTTP/3; the server also records what it saw.
 */
class ChromiumWebSocketH3Test {
    private static final Queue<String> serverSaw = new ConcurrentLinkedQueue<>();

    @TempDir
    Path dir;

    private static Routes routes() {
        return Routes.builder()
                .get("/", x -> Responses.bytes(x, 200, "text/html; charset=utf-8",
                        "<!doctype html><title>ws over h3</title>".getBytes(StandardCharsets.UTF_8)))
                .webSocket("/ws", new WebSocketHandler() {
                    @Override
                    public void onOpen(WebSocket ws) {
                        serverSaw.add("open");
                    }

                    @Override
                    public void onText(WebSocket ws, String m) {
                        serverSaw.add("text " + m);
                        ws.sendText(m);
                    }

                    @Override
                    public void onBinary(WebSocket ws, byte[] m) {
                        serverSaw.add("binary " + m.length);
                        ws.sendBinary(m);
                    }

                    @Override
                    public void onClose(WebSocket ws, int code, String reason) {
                        serverSaw.add("close " + code + " " + reason);
                    }
                })
                .build();
    }

    private String run(OurH3Server server, String feature) throws Exception {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(server.certificate.der()));
        String spki = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded()));
        Path script = Paths.get("src/test/node/h3-websocket.mjs").toAbsolutePath();
        Process node = new ProcessBuilder(TestTools.node().toString(), script.toString(),
                TestTools.nodeModules().resolve("puppeteer-core").toString(), TestTools.chromium().toString(),
                dir.resolve("profile-" + feature).toString(), Integer.toString(server.port()), spki, feature)
                .redirectErrorStream(true).start();
        byte[] out = node.getInputStream().readAllBytes();
        if (!node.waitFor(90, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail("the Chromium WebSocket run did not finish");
        }
        String output = new String(out, StandardCharsets.UTF_8);
        if (node.exitValue() != 0 || !output.contains("RESULT ")) fail("the Chromium WebSocket run failed:\n" + output);
        return output.substring(output.indexOf("RESULT ") + 7).trim();
    }

    @Test
    void chromiumSpeaksRfc9220WithTheFeatureOn() throws Exception {
        serverSaw.clear();
        try (OurH3Server server = new OurH3Server(ChromiumWebSocketH3Test::routes)) {
            String result = run(server, "on");
            System.out.println("Chromium WebSocket over HTTP/3 (EnableWebsocketsOverHttp3 on): " + result
                    + "; server saw " + serverSaw);
            assertTrue(result.contains("\"opened\":true"), result);
            assertTrue(result.contains("\"events\":[\"text:hello over h3\",\"binary:70000\",\"close:4000:bye\"]"), result);
            long deadline = System.currentTimeMillis() + 3000;
            while (!serverSaw.contains("close 4000 bye") && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertEquals(java.util.List.of("open", "text hello over h3", "binary 70000", "close 4000 bye"),
                    new ArrayList<>(serverSaw));
        }
    }

    @Test
    void withoutTheFeatureChromiumDoesNotUseHttp3ForWebSockets() throws Exception {
        serverSaw.clear();
        try (OurH3Server server = new OurH3Server(ChromiumWebSocketH3Test::routes)) {
            String result = run(server, "off");
            System.out.println("Chromium WebSocket, feature off: " + result);
            assertTrue(!result.contains("\"opened\":true"), "opened without the feature: " + result);
            assertTrue(serverSaw.isEmpty(), "the server saw a WebSocket: " + serverSaw);
        }
    }
}
