package dev.socketiwa.plugin.core.dev;

import dev.socketiwa.plugin.core.bundle.WebResource;
import dev.socketiwa.plugin.core.json.Json;
import dev.socketiwa.plugin.core.json.JsonException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What would make Chromium refuse to install the app, found before Chromium says it less clearly. Seen in Chromium 156:
 * "Manifest does not contain a suitable icon" without an icon entry, and "Error during icon downloading" when the icon
 * file is missing or an SVG has no intrinsic size.
 */
public final class InstallabilityCheck {
    private static final String MANIFEST = "/.well-known/manifest.webmanifest";

    private InstallabilityCheck() {
    }

    /** Problems as sentences that say what to fix; empty when none were found. */
    public static List<String> problems(Map<String, WebResource> content) {
        List<String> problems = new ArrayList<>();
        WebResource manifest = content.get(MANIFEST);
        if (manifest == null) {
            problems.add("There is no " + MANIFEST + "; Chrome cannot install an Isolated Web App without it.");
            return problems;
        }
        Object parsed;
        try {
            parsed = Json.parse(new String(manifest.body(), StandardCharsets.UTF_8));
        } catch (JsonException e) {
            problems.add("The manifest is not valid JSON: " + e.getMessage());
            return problems;
        }
        Object icons = parsed instanceof Map ? ((Map<?, ?>) parsed).get("icons") : null;
        if (!(icons instanceof List) || ((List<?>) icons).isEmpty()) {
            problems.add("The manifest lists no icons, and Chrome refuses to install an app without one (PNG, SVG or WebP,"
                    + " at least 144 px, with \"sizes\"). Add an icon file to the IWA directory and list it in"
                    + " .well-known/manifest.webmanifest there, e.g. \"icons\": [{\"src\": \"/icon.svg\", \"sizes\": \"256x256\","
                    + " \"type\": \"image/svg+xml\"}].");
            return problems;
        }
        for (Object icon : (List<?>) icons) {
            if (!(icon instanceof Map) || !(((Map<?, ?>) icon).get("src") instanceof String)) {
                problems.add("A manifest icon entry has no \"src\": " + icon);
                continue;
            }
            Map<?, ?> entry = (Map<?, ?>) icon;
            String src = (String) entry.get("src");
            String path = src.startsWith("/") ? src : "/" + src;
            WebResource file = content.get(path);
            if (file == null) {
                problems.add("The manifest icon " + src + " is not among the app's files; Chrome stops the install"
                        + " (\"Error during icon downloading\"). Put it in the IWA directory.");
            } else if (path.endsWith(".svg") && !hasIntrinsicSize(file.body())) {
                problems.add("The icon " + src + " is an SVG without width and height attributes; Chrome cannot rasterise"
                        + " it and stops the install. Add e.g. width=\"256\" height=\"256\" to its <svg> element.");
            }
            if (entry.get("sizes") == null) {
                problems.add("The manifest icon " + src + " has no \"sizes\" (e.g. \"256x256\"); Chrome requires it.");
            }
        }
        return problems;
    }

    private static boolean hasIntrinsicSize(byte[] svg) {
        String text = new String(svg, StandardCharsets.UTF_8);
        int start = text.indexOf("<svg");
        if (start < 0) {
            return false;
        }
        int end = text.indexOf('>', start);
        String tag = end < 0 ? text.substring(start) : text.substring(start, end);
        return tag.matches("(?s).*\\swidth\\s*=.*") && tag.matches("(?s).*\\sheight\\s*=.*");
    }
}
