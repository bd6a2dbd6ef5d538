package dev.socketiwa.it.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the independent tools the integration tests drive (Node 24, npm packages, Chromium, native QUIC peers).
 * A missing tool fails the test with the command that installs it: tests never skip silently, in CI or anywhere.
 */
public final class TestTools {
    private static final String SETUP = "run scripts/setup-test-tools.sh (the README's test command does it)";

    private TestTools() {
    }

    /** The folder scripts/setup-test-tools.sh fills (repo/test-tools), passed by the parent pom. */
    public static Path root() {
        String dir = System.getProperty("socketiwa.testTools");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property socketiwa.testTools is not set; run the tests through Maven from the repository");
        }
        return Paths.get(dir).toAbsolutePath().normalize();
    }

    /** Node 24: Wasm GC and JSPI without flags (the machine's Node 20 has neither). */
    public static Path node() {
        return require(root().resolve("node/bin/node"), "Node 24");
    }

    /** test-tools/node_modules, with the pinned npm packages (wbn, wbn-sign, puppeteer-core). */
    public static Path nodeModules() {
        return require(root().resolve("node_modules"), "npm test tools");
    }

    public static Path chromium() {
        return require(Paths.get("/usr/bin/chromium"), "Chromium (Debian package chromium)");
    }

    public static Path gtlsclient() {
        return require(Paths.get("/usr/bin/gtlsclient"), "ngtcp2's gtlsclient (Debian package ngtcp2-client)");
    }

    public static Path gtlsserver() {
        return require(Paths.get("/usr/sbin/gtlsserver"), "ngtcp2's gtlsserver (Debian package ngtcp2-server)");
    }

    public static Path caddy() {
        return require(Paths.get("/usr/bin/caddy"), "Caddy (Debian package caddy)");
    }

    /** A tool that scripts/setup.d/ built under test-tools/peers/. */
    public static Path peer(String relativePath) {
        return require(root().resolve("peers").resolve(relativePath), "test peer " + relativePath);
    }

    public static Path require(Path path, String what) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(what + " is missing at " + path + ": " + SETUP);
        }
        return path;
    }
}
