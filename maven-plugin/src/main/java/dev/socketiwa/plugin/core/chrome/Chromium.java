package dev.socketiwa.plugin.core.chrome;

import dev.socketiwa.plugin.core.json.JsonWriter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Chromium process this JVM started, with a fresh profile, and the browser-level DevTools connection to it.
 * Installs Isolated Web Apps through Chromium's dev-proxy mode, grants them the local-network permissions Direct Sockets
 * needs, and opens them. Closing it ends only this process (and its children) and deletes its profile.
 */
public final class Chromium implements AutoCloseable {
    /** What Direct Sockets on loopback/local addresses needs granted in Chromium 156 (Browser.grantPermissions is not enough). */
    public static final List<String> LOCAL_NETWORK_PERMISSIONS =
            List.of("local-network-access", "local-network", "loopback-network");

    private final Process process;
    private final Path profile;
    private final OutputTail output = new OutputTail(60);
    private final CdpConnection cdp;
    private final Duration commandTimeout;
    private boolean closed;
    private final Thread exitGuard;

    private Chromium(ChromiumOptions options) throws IOException {
        this.commandTimeout = options.commandTimeout();
        this.profile = Files.createTempDirectory("socketiwa-chromium-");
        List<String> command = new ArrayList<>();
        command.add(options.executable().toString());
        command.addAll(switches(options, profile));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        this.process = builder.start();
        // Ctrl-C or a killed test JVM at any moment, even mid-start, must not leave a browser running with our profile
        this.exitGuard = new Thread(this::killOnExit, "chromium-exit-guard-" + process.pid());
        Runtime.getRuntime().addShutdownHook(exitGuard);
        Thread drain = new Thread(this::drainOutput, "chromium-output-" + process.pid());
        drain.setDaemon(true);
        drain.start();
        CdpConnection connection = null;
        try {
            connection = CdpConnection.connect(waitForDevToolsEndpoint(options.startupTimeout()), options.startupTimeout());
        } finally {
            if (connection == null) {
                stopProcess(process.descendants().toList());
                try {
                    Runtime.getRuntime().removeShutdownHook(exitGuard);
                } catch (IllegalStateException shuttingDown) {
                    // the guard runs anyway
                }
            }
        }
        this.cdp = connection;
    }

    /** Starts Chromium and connects to it; fails with Chromium's own output when it does not come up. */
    public static Chromium launch(ChromiumOptions options) {
        try {
            return new Chromium(options);
        } catch (IOException e) {
            throw new ChromeException("cannot start Chromium at " + options.executable() + ": " + e.getMessage(), e);
        }
    }

    static List<String> switches(ChromiumOptions options, Path profile) {
        List<String> args = new ArrayList<>();
        if (options.headless()) {
            args.add("--headless");
            args.add("--disable-gpu");
        }
        if (!options.sandbox() || isRoot()) {
            args.add("--no-sandbox"); // Chromium refuses to run as root with its sandbox on
        }
        args.add("--user-data-dir=" + profile);
        args.add("--remote-debugging-port=0");
        args.add("--enable-features=IsolatedWebApps,IsolatedWebAppDevMode");
        args.add("--no-first-run");
        args.add("--no-default-browser-check");
        args.add("--disable-background-networking");
        args.add("--disable-component-update");
        args.add("--disable-sync");
        args.add("--password-store=basic");
        args.add("--use-mock-keychain");
        args.addAll(options.extraArguments());
        args.add("about:blank");
        return args;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    public CdpConnection cdp() {
        return cdp;
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }

    public long pid() {
        return process.pid();
    }

    /** The fresh profile this Chromium runs with; deleted by {@link #close()}. */
    public Path profileDirectory() {
        return profile;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** The last lines Chromium printed, for error messages. */
    public String recentOutput() {
        return output.toString();
    }

    /**
     * Installs the app served at {@code devProxyUrl} (e.g. http://127.0.0.1:8080) the way chrome://iwa-dev does, and
     * returns it. Each dev-proxy install gets a new random Web Bundle ID.
     */
    @SuppressWarnings("unchecked")
    public InstalledApp installFromDevProxy(URI devProxyUrl) {
        String targetId = (String) cdp.call("Target.createTarget", Map.of("url", "chrome://iwa-dev"), commandTimeout).get("targetId");
        String session = attach(targetId);
        try {
            PageEvaluator page = new PageEvaluator(cdp, session, commandTimeout);
            page.waitFor("location.href.startsWith('chrome://iwa-dev') && document.readyState === 'complete'",
                    commandTimeout, () -> "chrome://iwa-dev did not load; is IsolatedWebAppDevMode enabled?\n" + recentOutput());
            String origin = devProxyUrl.toString().replaceAll("/+$", "");
            Object result = page.evaluate("(async () => {"
                    + "const {browserProxyFactory} = await import('chrome://iwa-dev/iwa_dev.mojom-webui.js');"
                    + "const h = browserProxyFactory.getInstance().handler;"
                    + "try { await h.installAppFromDevProxy(" + JsonWriter.write(origin).trim() + "); }"
                    + "catch (e) { return {error: (e && e.message) || JSON.stringify(e)}; }"
                    + "const info = await h.getInstalledAppsInfo();"
                    + "const app = info.apps.find(a => a.source && a.source.proxyOrigin"
                    + "  && (a.source.proxyOrigin.scheme + '://' + a.source.proxyOrigin.host + ':' + a.source.proxyOrigin.port) === " + JsonWriter.write(origin).trim() + ");"
                    + "return app ? {appId: app.appId, webBundleId: app.webBundleId, name: app.name} : {error: 'installed, but not listed: ' + JSON.stringify(info)};"
                    + "})()");
            Map<String, Object> app = (Map<String, Object>) result;
            if (app.containsKey("error")) {
                throw new ChromeException("Chromium refused to install the app served at " + origin + ": " + app.get("error"));
            }
            return new InstalledApp((String) app.get("appId"), (String) app.get("webBundleId"), (String) app.get("name"));
        } finally {
            closeTarget(targetId);
        }
    }

    /**
     * Grants the app the local-network permissions Direct Sockets checks. The grant belongs to this DevTools connection:
     * Chromium drops it when the connection closes, so keep this Chromium open while the app needs its sockets.
     */
    public void grantLocalNetwork(InstalledApp app) {
        for (String name : LOCAL_NETWORK_PERMISSIONS) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("permission", Map.of("name", name));
            params.put("setting", "granted");
            params.put("origin", app.origin());
            cdp.call("Browser.setPermission", params, commandTimeout);
        }
    }

    /** Opens a page of the app in its own app window and attaches to it (console and exceptions are recorded). */
    public AppPage open(InstalledApp app, String pathAndQuery) {
        String url = app.url(pathAndQuery);
        String targetId = (String) cdp.call("Target.createTarget", Map.of("url", url), commandTimeout).get("targetId");
        String session = attach(targetId);
        return new AppPage(this, targetId, session, url);
    }

    /**
     * Opens any URL in a new tab of this browser (same profile) and attaches to it, e.g. an http://127.0.0.1 page acting
     * as a client of an app's sockets.
     */
    public AppPage openUrl(String url) {
        String targetId = (String) cdp.call("Target.createTarget", Map.of("url", url), commandTimeout).get("targetId");
        String session = attach(targetId);
        return new AppPage(this, targetId, session, url);
    }

    /** The usual sequence: install from the dev proxy, grant local network, open {@code pathAndQuery}. */
    public AppPage installGrantAndOpen(URI devProxyUrl, String pathAndQuery) {
        InstalledApp app = installFromDevProxy(devProxyUrl);
        grantLocalNetwork(app);
        return open(app, pathAndQuery);
    }

    String attach(String targetId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("targetId", targetId);
        params.put("flatten", Boolean.TRUE);
        return (String) cdp.call("Target.attachToTarget", params, commandTimeout).get("sessionId");
    }

    void closeTarget(String targetId) {
        if (cdp.isOpen()) {
            try {
                cdp.call("Target.closeTarget", Map.of("targetId", targetId), commandTimeout);
            } catch (ChromeException ignored) {
                // already gone
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<ProcessHandle> children = process.descendants().toList();
        try {
            if (cdp.isOpen()) {
                try {
                    cdp.call("Browser.close", Map.of(), Duration.ofSeconds(5));
                } catch (ChromeException ignored) {
                    // it may close the connection before answering; the process wait below decides
                }
            }
            cdp.close();
        } finally {
            stopProcess(children);
            try {
                Runtime.getRuntime().removeShutdownHook(exitGuard);
            } catch (IllegalStateException shuttingDown) {
                // the guard runs anyway and finds nothing left to do
            }
        }
    }

    private void killOnExit() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deleteProfile();
    }

    /** @param children the browser's descendants, taken while it ran: once it exits they are no longer found as such */
    private void stopProcess(List<ProcessHandle> children) {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                children.forEach(ProcessHandle::destroy);
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
            for (ProcessHandle child : children) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temp profile is harmless
        }
    }

    private URI waitForDevToolsEndpoint(Duration timeout) {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ChromeException("Chromium exited with code " + process.exitValue() + " before DevTools came up:\n" + recentOutput());
            }
            try {
                if (Files.exists(portFile)) {
                    List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                    if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                        return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
                    }
                }
                Thread.sleep(50);
            } catch (IOException e) {
                // the file is being written; try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChromeException("interrupted while Chromium was starting", e);
            }
        }
        throw new ChromeException("Chromium did not open DevTools within " + timeout.toSeconds() + " s:\n" + recentOutput());
    }

    private void drainOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                // without a system bus (containers, CI) every start logs dozens of D-Bus errors that say nothing
                if (!line.contains(":ERROR:dbus/")) {
                    output.add(line);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
