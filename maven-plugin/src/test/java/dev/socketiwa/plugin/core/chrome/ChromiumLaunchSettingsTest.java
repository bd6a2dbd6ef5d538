package dev.socketiwa.plugin.core.chrome;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChromiumLaunchSettingsTest {
    @Test
    void switchesEnableIwaDevModeWithAFreshProfileAndAnEphemeralDebugPort() {
        Path profile = Paths.get("/tmp/profile-x");
        List<String> args = Chromium.switches(new ChromiumOptions(Paths.get("/usr/bin/chromium")).addArgument("--lang=en"), profile);
        assertTrue(args.contains("--enable-features=IsolatedWebApps,IsolatedWebAppDevMode"), args::toString);
        assertTrue(args.contains("--user-data-dir=" + profile), args::toString);
        assertTrue(args.contains("--remote-debugging-port=0"), args::toString);
        assertTrue(args.contains("--headless"), args::toString);
        assertTrue(args.contains("--lang=en"), args::toString);
        assertEquals("about:blank", args.get(args.size() - 1));
        List<String> windowed = Chromium.switches(new ChromiumOptions(Paths.get("/x")).headless(false), profile);
        assertFalse(windowed.contains("--headless"), windowed::toString);
        assertTrue(Chromium.switches(new ChromiumOptions(Paths.get("/x")).sandbox(false), profile).contains("--no-sandbox"));
    }

    @Test
    void aMissingExplicitBinaryIsAnActionableError() {
        ChromeException e = assertThrows(ChromeException.class, () -> ChromiumLocator.require("/nonexistent/chrome"));
        assertTrue(e.getMessage().contains("/nonexistent/chrome"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dsocketiwa.chromium="), e.getMessage());
    }

    @Test
    void anAppsOriginIsItsWebBundleIdUnderIsolatedApp() {
        InstalledApp app = new InstalledApp("abc", "bmhvylaxmdahmz2cqk5icezz73xrhzqgjc7nbbrt3uo3gyatwbeqaaac", "Echo");
        assertEquals("isolated-app://bmhvylaxmdahmz2cqk5icezz73xrhzqgjc7nbbrt3uo3gyatwbeqaaac", app.origin());
        assertEquals(app.origin() + "/?listen=127.0.0.1:1", app.url("/?listen=127.0.0.1:1"));
        assertEquals(app.origin() + "/a.html", app.url("a.html"));
    }
}
