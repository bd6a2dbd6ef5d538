package dev.socketiwa.plugin.core.chrome;

/**
 * An Isolated Web App installed in the running Chromium.
 *
 * @param appId       Chromium's internal app id (chrome://iwa-dev launches and uninstalls by it)
 * @param webBundleId the id in the app's origin; a dev-proxy install gets a fresh random one each time
 */
public record InstalledApp(String appId, String webBundleId, String name) {
    /** The app's origin without a trailing slash, as permissions want it: {@code isolated-app://<id>}. */
    public String origin() {
        return "isolated-app://" + webBundleId;
    }

    /** An absolute URL inside the app; {@code pathAndQuery} starts with '/'. */
    public String url(String pathAndQuery) {
        return origin() + (pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery);
    }
}
