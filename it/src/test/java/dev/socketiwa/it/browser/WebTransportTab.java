package dev.socketiwa.it.browser;

import com.sun.net.httpserver.HttpServer;
import dev.socketiwa.plugin.core.chrome.AppPage;
import dev.socketiwa.plugin.core.chrome.Chromium;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain tab in the app's browser, on a page served from http://127.0.0.1 (a secure context, so it has
 * WebTransport), acting as a WebTransport client of the app: the app's own window could do it too (its CSP allows
 * https: connections), but a separate tab keeps the client off the server's event loop, as a real visitor would be.
 */
final class WebTransportTab implements AutoCloseable {
    private static final String ECHO_CLIENT = "/webtransport/echo-client.js";
    private final HttpServer site;
    private final AppPage tab;

    WebTransportTab(Chromium chromium) {
        try {
            site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the client page on 127.0.0.1: " + e.getMessage(), e);
        }
        site.createContext("/", exchange -> {
            byte[] page = "<!doctype html><title>WebTransport client</title>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        site.start();
        tab = chromium.openUrl("http://127.0.0.1:" + site.getAddress().getPort() + "/");
        tab.waitFor("document.readyState === 'complete' && typeof WebTransport === 'function'", Duration.ofSeconds(30));
    }

    /**
     * Runs the echo client (datagrams, a bidi stream, a uni stream, then close with code and reason) against
     * {@code url}, with {@code optionsProperties} pasted into the options object (e.g. the serverCertificateHashes
     * snippet the app published); the client's JSON report.
     */
    String echo(String url, String optionsProperties, int closeCode, String closeReason) {
        return String.valueOf(tab.evaluate("(" + resource(ECHO_CLIENT) + ")(" + jsString(url) + ", ({ " + optionsProperties
                + " }), " + closeCode + ", " + jsString(closeReason) + ")"));
    }

    /** "connected", or "refused: <error>" when the session does not open. */
    String tryConnect(String url, String optionsProperties) {
        return String.valueOf(tab.evaluate("(async () => { try { const wt = new WebTransport(" + jsString(url) + ", ({ "
                + optionsProperties + " })); await wt.ready; wt.close(); return 'connected'; }"
                + " catch (e) { return 'refused: ' + e; } })()"));
    }

    String diagnostics() {
        return tab.diagnostics();
    }

    private static String resource(String name) {
        try (InputStream in = WebTransportTab.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("test resource " + name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    @Override
    public void close() {
        try {
            tab.close();
        } finally {
            site.stop(0);
        }
    }
}
