package dev.socketiwa.plugin.core.chrome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

/** Finds a local Chromium or Chrome binary: an explicit path, $CHROME_PATH, then the usual install locations. */
public final class ChromiumLocator {
    private static final List<String> CANDIDATES = List.of(
            "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
            "/opt/google/chrome/chrome", "/snap/bin/chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "/Applications/Chromium.app/Contents/MacOS/Chromium");

    private ChromiumLocator() {
    }

    public static Optional<Path> find(String explicitPath) {
        if (explicitPath != null && !explicitPath.isBlank()) {
            Path path = Paths.get(explicitPath);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String env = System.getenv("CHROME_PATH");
        if (env != null && !env.isBlank() && Files.isExecutable(Paths.get(env))) {
            return Optional.of(Paths.get(env));
        }
        for (String candidate : CANDIDATES) {
            Path path = Paths.get(candidate);
            if (Files.isExecutable(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find} but fails with what to install or set when nothing is there. */
    public static Path require(String explicitPath) {
        return find(explicitPath).orElseThrow(() -> new ChromeException(
                (explicitPath != null && !explicitPath.isBlank()
                        ? "Chromium is not executable at " + explicitPath + ". "
                        : "No Chromium or Chrome found (looked at $CHROME_PATH and " + CANDIDATES + "). ")
                        + "Install one (Debian: apt-get install chromium) or point to it with -Dsocketiwa.chromium=/path/to/chrome."));
    }
}
