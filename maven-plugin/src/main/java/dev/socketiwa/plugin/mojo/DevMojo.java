package dev.socketiwa.plugin.mojo;

import dev.socketiwa.plugin.core.chrome.AppPage;
import dev.socketiwa.plugin.core.chrome.ChromeException;
import dev.socketiwa.plugin.core.chrome.Chromium;
import dev.socketiwa.plugin.core.chrome.ChromiumLocator;
import dev.socketiwa.plugin.core.chrome.ChromiumOptions;
import dev.socketiwa.plugin.core.chrome.InstalledApp;
import dev.socketiwa.plugin.core.dev.DevInstructions;
import dev.socketiwa.plugin.core.dev.DevServer;
import dev.socketiwa.plugin.core.dev.DirectoryContent;
import dev.socketiwa.plugin.core.dev.ServedFile;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Serves the built app over http://127.0.0.1:{@code devPort} for Chrome's Isolated Web App dev-mode proxy and says how
 * to install it; with {@code -Dsocketiwa.launch=true} starts a local Chromium with a fresh profile, installs the app,
 * grants it the local-network permissions and opens it. Runs until Ctrl-C. Build first: {@code mvn package socketiwa:dev}.
 */
@Mojo(name = "dev", threadSafe = true)
public class DevMojo extends AbstractMojo {
    /** The loopback port to serve on. */
    @Parameter(property = "socketiwa.devPort", defaultValue = "8080")
    int devPort;

    /** Start a local Chromium, install the app through the dev proxy, grant local network access and open it. */
    @Parameter(property = "socketiwa.launch", defaultValue = "false")
    boolean launch;

    /** The Chromium or Chrome binary for {@code launch}; found in the usual places ($CHROME_PATH, /usr/bin/chromium, ...) when unset. */
    @Parameter(property = "socketiwa.chromium")
    String chromium;

    /** Run the launched Chromium without a window; when unset, headless only where there is no display (Linux without X/Wayland). */
    @Parameter(property = "socketiwa.headless")
    Boolean headless;

    /** Path and query the launched app opens at, e.g. {@code /?listen=127.0.0.1:5000}. */
    @Parameter(property = "socketiwa.open", defaultValue = "/")
    String open;

    /** The static web files of the app (page, icons, manifest), as for {@code socketiwa:bundle}. */
    @Parameter(property = "socketiwa.iwaDirectory", defaultValue = "${project.basedir}/src/main/iwa")
    File iwaDirectory;

    /** What {@code socketiwa:compile} generated (wasm, loader, shim, page). */
    @Parameter(property = "socketiwa.generatedDirectory", defaultValue = "${project.build.directory}/socketiwa/web")
    File generatedDirectory;

    @Override
    public void execute() throws MojoExecutionException {
        Supplier<Map<String, ServedFile>> content = contentSupplier();
        DevServer server;
        try {
            server = DevServer.start(devPort, content);
        } catch (RuntimeException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        List<AutoCloseable> running = java.util.Collections.synchronizedList(new ArrayList<>());
        running.add(server);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeAll(running);
            stopped.countDown();
        }, "socketiwa-dev-stop"));
        getLog().info(DevInstructions.forUrl(server.url()));
        if (launch) {
            try {
                launchChromium(server, running);
            } catch (ChromeException e) {
                closeAll(running);
                throw new MojoExecutionException("Could not launch the app in Chromium: " + e.getMessage(), e);
            }
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAll(running);
        }
    }

    private void launchChromium(DevServer server, List<AutoCloseable> running) {
        boolean noWindow = headless != null ? headless : !hasDisplay();
        ChromiumOptions options = new ChromiumOptions(ChromiumLocator.require(chromium)).headless(noWindow);
        getLog().info("Starting " + options.executable() + (noWindow ? " (headless)" : "") + " with a fresh profile");
        Chromium browser = Chromium.launch(options);
        running.add(0, browser);
        InstalledApp app = browser.installFromDevProxy(server.url());
        getLog().info("Installed \"" + app.name() + "\" as " + app.origin() + "/ (app id " + app.appId() + ")");
        browser.grantLocalNetwork(app);
        AppPage page = browser.open(app, open);
        running.add(0, page);
        getLog().info("Opened " + page.url() + " with local network access granted; it lasts while this goal runs.");
    }

    static boolean hasDisplay() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    Supplier<Map<String, ServedFile>> contentSupplier() throws MojoExecutionException {
        List<Path> roots = new ArrayList<>();
        if (iwaDirectory != null && iwaDirectory.isDirectory()) {
            roots.add(iwaDirectory.toPath());
        }
        if (generatedDirectory != null && generatedDirectory.isDirectory()) {
            roots.add(generatedDirectory.toPath());
        }
        if (roots.isEmpty()) {
            throw new MojoExecutionException("Nothing to serve: neither " + iwaDirectory + " nor " + generatedDirectory
                    + " exists. Build the app first: mvn package socketiwa:dev");
        }
        Path[] dirs = roots.toArray(new Path[0]);
        Supplier<Map<String, ServedFile>> supplier = () -> DirectoryContent.read(dirs);
        Map<String, ServedFile> first = supplier.get();
        if (!first.containsKey("/.well-known/manifest.webmanifest")) {
            throw new MojoExecutionException("The app has no /.well-known/manifest.webmanifest under " + roots
                    + "; Chrome cannot install it. Build it with mvn package (socketiwa:bundle writes the manifest).");
        }
        return supplier;
    }

    private void closeAll(List<AutoCloseable> running) {
        synchronized (running) {
            for (AutoCloseable c : running) {
                try {
                    c.close();
                } catch (Exception e) {
                    getLog().debug("while stopping: " + e);
                }
            }
            running.clear();
        }
    }
}
