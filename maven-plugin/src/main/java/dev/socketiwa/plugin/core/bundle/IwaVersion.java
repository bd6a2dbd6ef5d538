package dev.socketiwa.plugin.core.bundle;

import java.util.ArrayList;
import java.util.List;

/** IWA manifests need a version of 1 to 4 dot-separated integers (no leading zeros); Maven versions often are not. */
public final class IwaVersion {
    private IwaVersion() {
    }

    /**
     * The leading numeric part of a Maven version: "0.1.0-SNAPSHOT" gives "0.1.0", "2.0.0.1.5" gives "2.0.0.1",
     * "1.02" gives "1.2".
     */
    public static String fromProjectVersion(String version) throws BundleException {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < version.length() && parts.size() < 4) {
            int start = i;
            while (i < version.length() && Character.isDigit(version.charAt(i)) && version.charAt(i) < 128) {
                i++;
            }
            if (i == start || i - start > 9) {
                break;
            }
            parts.add(Integer.toString(Integer.parseInt(version.substring(start, i))));
            if (i < version.length() && version.charAt(i) == '.') {
                i++;
            } else {
                break;
            }
        }
        if (parts.isEmpty()) {
            throw new BundleException("The project version '" + version + "' does not start with a number, but an Isolated Web App"
                    + " needs a version of 1 to 4 dot-separated integers: set <version> in the pom to e.g. 1.0.0, or put a"
                    + " \"version\" in your manifest.webmanifest");
        }
        return String.join(".", parts);
    }

    /** True when {@code version} is already valid for an IWA manifest. */
    public static boolean isValid(String version) {
        String[] parts = version.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 9 || (p.length() > 1 && p.charAt(0) == '0')) {
                return false;
            }
            for (int k = 0; k < p.length(); k++) {
                char c = p.charAt(k);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
        }
        return true;
    }
}
