package dev.socketiwa.plugin.core.dev;

import java.net.URI;

/** What a developer must do by hand to install the served app in their own Chrome. */
public final class DevInstructions {
    private DevInstructions() {
    }

    public static String forUrl(URI devProxyUrl) {
        return String.join(System.lineSeparator(),
                "Serving the app for Chrome's Isolated Web App dev-mode proxy at " + devProxyUrl,
                "To install it in Chrome or Chromium:",
                "  1. start the browser with --enable-features=IsolatedWebApps,IsolatedWebAppDevMode",
                "     (or enable chrome://flags/#enable-isolated-web-apps and #enable-isolated-web-app-dev-mode)",
                "  2. open chrome://iwa-dev (older versions: chrome://web-app-internals), and under",
                "     \"Install IWA via Dev Mode Proxy\" enter " + devProxyUrl + " and install",
                "  3. launch the app; for UDP on local addresses allow the local-network permission it asks for",
                "     (open the app with ?listen=host:port to listen elsewhere than the built-in default)",
                "Or let this goal do it all in a fresh Chromium profile: add -Dsocketiwa.launch=true",
                "Files are re-read on every request: rebuild (mvn package) and reload the app to see changes.",
                "Press Ctrl-C to stop.");
    }
}
