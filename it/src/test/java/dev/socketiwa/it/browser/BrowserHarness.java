package dev.socketiwa.it.browser;

import dev.socketiwa.it.tools.TestTools;
import dev.socketiwa.plugin.core.chrome.AppPage;
import dev.socketiwa.plugin.core.chrome.ChromeException;
import dev.socketiwa.plugin.core.chrome.Chromium;
import dev.socketiwa.plugin.core.chrome.ChromiumOptions;
import dev.socketiwa.plugin.core.chrome.InstalledApp;
import dev.socketiwa.plugin.core.dev.DevSession;
import dev.socketiwa.plugin.core.bundle.WebResource;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Runs any Isolated Web App in a real headless Chromium, the way a developer would with {@code socketiwa:dev}: the
 * product's {@link DevSession} (what socketiwa:dev runs) serves the content on a free port, Chromium installs it through its dev proxy, the
 * local-network permissions are granted over DevTools, and the app opens at the given path and query. Tests then talk
 * to the app over real sockets. The grant lasts while this harness is open (Chromium drops it with the DevTools
 * connection).
 */
public final class BrowserHarness implements AutoCloseable {
    private final DevSession session;
    private final AppPage page;
    private final Duration startup;
    private final String logExpression;
    private final String phases;

    private BrowserHarness(Builder b) {
        long start = System.nanoTime();
        this.logExpression = b.logExpression;
        DevSession devSession = DevSession.serve(0, () -> b.content);
        try {
            AppPage opened = devSession.launch(
                    new ChromiumOptions(TestTools.chromium()).headless(true).sandbox(false), b.pathAndQuery);
            long launched = System.nanoTime();
            waitUntilReady(opened, b);
            long ready = System.nanoTime();
            this.session = devSession;
            this.page = opened;
            this.startup = Duration.ofNanos(ready - start);
            this.phases = devSession.launchPhases() + ", app ready " + Duration.ofNanos(ready - launched).toMillis() + " ms later";
        } catch (RuntimeException e) {
            devSession.close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void waitUntilReady(AppPage page, Builder b) {
        try {
            page.waitFor("(" + b.readyCondition + ") || (" + b.failedCondition + ")", b.readyTimeout);
        } catch (ChromeException e) {
            throw new ChromeException(e.getMessage() + "\n" + diagnostics(page, b.logExpression), e);
        }
        if (Boolean.TRUE.equals(page.evaluate("!!(" + b.failedCondition + ")"))) {
            throw new ChromeException("the app reported failure (" + b.failedCondition + ")\n" + diagnostics(page, b.logExpression));
        }
    }

    public AppPage page() {
        return page;
    }

    public InstalledApp app() {
        return session.app();
    }

    public Chromium chromium() {
        return session.chromium();
    }

    /** Dev server start, Chromium start, install, grant, launch, until the app reported ready. */
    public Duration startupTime() {
        return startup;
    }

    /** Where the startup time went, for test output. */
    public String startupPhases() {
        return phases;
    }

    /** The page's console and Chromium's output, to attach to assertion messages. */
    public String diagnostics() {
        return diagnostics(page, logExpression);
    }

    private static String diagnostics(AppPage page, String logExpression) {
        String log;
        try {
            log = String.valueOf(page.evaluate(logExpression));
        } catch (RuntimeException e) {
            log = "(cannot read the page's log: " + e.getMessage() + ")";
        }
        return "--- app log (" + logExpression + ") ---\n" + log + "\n" + page.diagnostics();
    }

    @Override
    public void close() {
        session.close();
    }

    public static final class Builder {
        private Map<String, WebResource> content;
        private String pathAndQuery = "/";
        private String readyCondition = "!!document.body && document.body.dataset.state === 'listening'";
        private String failedCondition = "!!document.body && document.body.dataset.state === 'failed'";
        private Duration readyTimeout = Duration.ofSeconds(60);
        private String logExpression = "document.getElementById('log') && document.getElementById('log').textContent";

        /** The app's files by absolute path, including /.well-known/manifest.webmanifest. */
        public Builder content(Map<String, WebResource> value) {
            this.content = value;
            return this;
        }

        /** Where to open the app, e.g. "/?listen=127.0.0.1:40000". */
        public Builder open(String value) {
            this.pathAndQuery = value;
            return this;
        }

        /** A JavaScript expression that becomes truthy once the app is ready for the test. */
        public Builder readyWhen(String jsCondition) {
            this.readyCondition = jsCondition;
            return this;
        }

        /** A JavaScript expression that becomes truthy when the app gave up (the harness then fails at once). */
        public Builder failedWhen(String jsCondition) {
            this.failedCondition = jsCondition;
            return this;
        }

        /** A JavaScript expression giving the app's own log text, shown when something fails. */
        public Builder logFrom(String jsExpression) {
            this.logExpression = jsExpression;
            return this;
        }

        public Builder readyTimeout(Duration value) {
            this.readyTimeout = value;
            return this;
        }

        public BrowserHarness start() {
            Objects.requireNonNull(content, "content");
            return new BrowserHarness(this);
        }
    }
}
