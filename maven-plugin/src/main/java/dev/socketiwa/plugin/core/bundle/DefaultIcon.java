package dev.socketiwa.plugin.core.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The icon an app gets when its manifest lists none: Chromium (seen in 156) refuses to install an IWA without an icon
 * of at least 144 px, and an SVG without intrinsic width/height fails to download, so ours is 256x256 with both set.
 */
public final class DefaultIcon {
    /** Served at the root so the manifest entry stays a plain path; a user file here wins (see {@link AppContent}). */
    public static final String PATH = "/socketiwa-icon.svg";
    public static final String CONTENT_TYPE = "image/svg+xml";
    private static final String RESOURCE = "socketiwa-icon.svg";

    private DefaultIcon() {
    }

    /** The manifest {@code icons} entry that points at {@link #PATH}. */
    public static Map<String, Object> manifestEntry() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("src", PATH);
        entry.put("sizes", "256x256");
        entry.put("type", CONTENT_TYPE);
        entry.put("purpose", "any");
        return entry;
    }

    /** The SVG file shipped in this plugin's jar. */
    public static byte[] bytes() throws BundleException {
        try (InputStream in = DefaultIcon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new BundleException("The default icon " + RESOURCE + " is missing from the plugin jar; reinstall the plugin,"
                        + " or list your own \"icons\" in manifest.webmanifest.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BundleException("Cannot read the default icon from the plugin jar: " + e + ".", e);
        }
    }
}
