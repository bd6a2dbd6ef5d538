package dev.socketiwa.plugin.core.dev;

import dev.socketiwa.plugin.core.bundle.WebResource;
import dev.socketiwa.plugin.core.chrome.AppPage;
import dev.socketiwa.plugin.core.chrome.ChromeException;
import dev.socketiwa.plugin.core.chrome.Chromium;
import dev.socketiwa.plugin.core.chrome.ChromiumOptions;
import dev.socketiwa.plugin.core.chrome.InstalledApp;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What socketiwa:dev runs, without Maven: the dev server and, when asked, a fresh Chromium with the app installed
 * through the dev proxy, the local-network permissions granted, and the app open. Browser tests use the same class, so
 * what they prove is what developers get. Closing stops the page, that Chromium (only it) and the server.
 */
public final class DevSession implements AutoCloseable {
    private final DevServer server;
    // close() may come from a shutdown hook while launch() is still installing: it must not wait for launch to finish
    private volatile Chromium chromium;
    private volatile InstalledApp app;
    private volatile AppPage page;
    private volatile String phases = "";
    private volatile boolean closed;

    private DevSession(DevServer server) {
        this.server = server;
    }

    /** Serves {@code content} on 127.0.0.1:{@code port} (0: any free port). */
    public static DevSession serve(int port, Supplier<? extends Map<String, WebResource>> content) {
        return new DevSession(DevServer.start(port, content));
    }

    public URI url() {
        return server.url();
    }

    /**
     * Starts Chromium, installs the served app from the dev proxy, grants it local network access and opens
     * {@code pathAndQuery}. The grant lasts until this session closes. On failure the Chromium started here is stopped
     * again and the session keeps serving. A {@link #close()} meanwhile stops that Chromium and makes this throw.
     */
    public AppPage launch(ChromiumOptions options, String pathAndQuery) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("this session is closed");
            }
            if (chromium != null) {
                throw new IllegalStateException("this session already launched Chromium");
            }
        }
        long start = System.nanoTime();
        Chromium browser = Chromium.launch(options);
        chromium = browser;
        try {
            if (closed) {
                throw new ChromeException("the session was closed while Chromium was starting");
            }
            long launched = System.nanoTime();
            InstalledApp installed = browser.installFromDevProxy(server.url());
            long installedAt = System.nanoTime();
            browser.grantLocalNetwork(installed);
            AppPage opened = browser.open(installed, pathAndQuery);
            long openedAt = System.nanoTime();
            this.app = installed;
            this.page = opened;
            this.phases = String.format("Chromium start %d ms, dev-proxy install %d ms, grant + open %d ms",
                    millis(launched - start), millis(installedAt - launched), millis(openedAt - installedAt));
            return opened;
        } catch (RuntimeException e) {
            chromium = null;
            browser.close();
            throw e;
        }
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    /** The Chromium {@link #launch} started, or null. */
    public Chromium chromium() {
        return chromium;
    }

    public InstalledApp app() {
        return app;
    }

    public AppPage page() {
        return page;
    }

    /** Where {@link #launch} spent its time, for logs and test output. */
    public String launchPhases() {
        return phases;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            AppPage p = page;
            if (p != null) {
                p.close();
            }
        } catch (RuntimeException ignored) {
            // the browser may already be going away; closing it below is what matters
        } finally {
            try {
                Chromium c = chromium;
                if (c != null) {
                    c.close();
                }
            } finally {
                server.close();
            }
        }
    }
}
