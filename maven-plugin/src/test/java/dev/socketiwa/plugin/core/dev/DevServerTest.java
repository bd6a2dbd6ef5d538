package dev.socketiwa.plugin.core.dev;

import dev.socketiwa.plugin.core.bundle.WebResource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevServerTest {
    private static final byte[] WASM = {0, 'a', 's', 'm', 1, 0, 0, 0};
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesEachFileWithItsTypeAndTheIsolationHeaders() throws Exception {
        SortedMap<String, WebResource> content = new TreeMap<>();
        content.put("/index.html", new WebResource("/index.html", "text/html; charset=utf-8", "<!DOCTYPE html>".getBytes(StandardCharsets.UTF_8)));
        content.put("/app.wasm", new WebResource("/app.wasm", "application/wasm", WASM));
        content.put("/.well-known/manifest.webmanifest", new WebResource("/.well-known/manifest.webmanifest", "application/manifest+json", "{}".getBytes(StandardCharsets.UTF_8)));
        try (DevServer server = DevServer.start(0, content)) {
            assertEquals("http://127.0.0.1:" + server.port(), server.url().toString());
            HttpResponse<byte[]> wasm = get(server, "/app.wasm");
            assertEquals(200, wasm.statusCode());
            assertEquals("application/wasm", wasm.headers().firstValue("content-type").orElse(null));
            assertArrayEquals(WASM, wasm.body());
            assertEquals("no-store", wasm.headers().firstValue("cache-control").orElse(null));
            assertEquals("nosniff", wasm.headers().firstValue("x-content-type-options").orElse(null));
            assertEquals("same-origin", wasm.headers().firstValue("cross-origin-opener-policy").orElse(null));
            assertEquals("require-corp", wasm.headers().firstValue("cross-origin-embedder-policy").orElse(null));
            assertEquals("same-origin", wasm.headers().firstValue("cross-origin-resource-policy").orElse(null));

            HttpResponse<byte[]> root = get(server, "/");
            assertEquals(200, root.statusCode());
            assertEquals("text/html; charset=utf-8", root.headers().firstValue("content-type").orElse(null));

            assertEquals("application/manifest+json",
                    get(server, "/.well-known/manifest.webmanifest").headers().firstValue("content-type").orElse(null));

            HttpResponse<byte[]> missing = get(server, "/nope.js");
            assertEquals(404, missing.statusCode());
            assertTrue(new String(missing.body(), StandardCharsets.UTF_8).contains("/nope.js"));

            HttpResponse<byte[]> post = http.send(HttpRequest.newBuilder(server.url().resolve("/index.html"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(405, post.statusCode());
            assertEquals("GET, HEAD", post.headers().firstValue("allow").orElse(null));

            HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(server.url().resolve("/app.wasm"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, head.statusCode());
            assertEquals(0, head.body().length);
        }
    }

    @Test
    void listensOnLoopbackOnlyAndRefusesForeignHostNames() throws Exception {
        try (DevServer server = DevServer.start(0, Map.of("/index.html", new WebResource("/index.html", "text/html", new byte[] {'x'})))) {
            assertEquals("200", rawStatus(server.port(), "localhost:" + server.port()));
            // a page on evil.example rebinding its name to 127.0.0.1 must not read the app
            assertEquals("403", rawStatus(server.port(), "evil.example:" + server.port()));
        }
    }

    @Test
    void servesFreshContentOnEveryRequest() throws Exception {
        AtomicReference<byte[]> body = new AtomicReference<>(new byte[] {'1'});
        try (DevServer server = DevServer.start(0, () -> Map.of("/a.js", new WebResource("/a.js", "text/javascript", body.get())))) {
            assertArrayEquals(new byte[] {'1'}, get(server, "/a.js").body());
            body.set(new byte[] {'2'});
            assertArrayEquals(new byte[] {'2'}, get(server, "/a.js").body());
        }
    }

    @Test
    void aTakenPortIsAnActionableError() {
        try (DevServer first = DevServer.start(0, Map.of())) {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> DevServer.start(first.port(), Map.of()));
            assertTrue(e.getMessage().contains("-Dsocketiwa.devPort"), e.getMessage());
        }
    }

    private HttpResponse<byte[]> get(DevServer server, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** java.net.http will not send a chosen Host header, so speak HTTP/1.1 by hand. */
    private static String rawStatus(int port, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /index.html HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String statusLine = response.toString(StandardCharsets.US_ASCII).split("\r\n", 2)[0];
            return statusLine.split(" ")[1];
        }
    }
}
