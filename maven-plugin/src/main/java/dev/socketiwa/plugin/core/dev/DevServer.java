package dev.socketiwa.plugin.core.dev;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.socketiwa.plugin.core.bundle.WebResource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves an app's content over http://127.0.0.1:PORT for Chromium's Isolated Web App dev-proxy install
 * (chrome://iwa-dev, "Install IWA via dev mode proxy"). Chromium fetches every app resource from here and adds the IWA
 * security headers itself; this server adds the same isolation headers so the app also runs cross-origin isolated when
 * opened directly, and no-store so a rebuild shows up on reload. Loopback only, GET and HEAD only.
 */
public final class DevServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<? extends Map<String, WebResource>> content;

    private DevServer(int port, Supplier<? extends Map<String, WebResource>> content) throws IOException {
        this.content = content;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "socketiwa-dev-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts serving on 127.0.0.1:{@code port} (0 picks a free port). {@code content} maps absolute paths ("/index.html")
     * to responses, as {@code AppContent.collect} makes them; it is asked again on every request, so a supplier that
     * re-collects the build output serves fresh files.
     */
    public static DevServer start(int port, Supplier<? extends Map<String, WebResource>> content) {
        try {
            return new DevServer(port, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); is something else listening there? Choose another port with -Dsocketiwa.devPort=...", e);
        }
    }

    public static DevServer start(int port, Map<String, WebResource> content) {
        return start(port, () -> content);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The origin Chromium's dev proxy points at, e.g. http://127.0.0.1:8080 (no trailing slash). */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Headers headers = exchange.getResponseHeaders();
            addCommonHeaders(headers);
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                headers.set("Allow", "GET, HEAD");
                sendText(exchange, 405, "method not allowed: " + method);
                return;
            }
            if (!isLoopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
                // guards against DNS rebinding: a web page cannot read this server through a name it controls
                sendText(exchange, 403, "only requests to 127.0.0.1 or localhost are served");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path == null || path.isEmpty()) {
                path = "/";
            }
            WebResource file;
            try {
                Map<String, WebResource> files = content.get();
                file = files.get(path);
                if (file == null && path.endsWith("/")) {
                    file = files.get(path + "index.html");
                }
            } catch (RuntimeException e) {
                sendText(exchange, 500, "cannot read the app's content: " + e.getMessage());
                return;
            }
            if (file == null) {
                sendText(exchange, 404, "not found: " + path);
                return;
            }
            headers.set("Content-Type", file.contentType());
            send(exchange, 200, file.body());
        }
    }

    static void addCommonHeaders(Headers headers) {
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Embedder-Policy", "require-corp");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
    }

    private static boolean isLoopbackHost(String host) {
        if (host == null) {
            return true; // HTTP/1.0 clients; the socket itself is loopback-only
        }
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(']') < colon) {
            h = h.substring(0, colon);
        }
        return h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]");
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
