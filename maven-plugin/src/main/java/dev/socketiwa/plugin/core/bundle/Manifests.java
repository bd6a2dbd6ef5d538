package dev.socketiwa.plugin.core.bundle;

import dev.socketiwa.plugin.core.json.Json;
import dev.socketiwa.plugin.core.json.JsonException;
import dev.socketiwa.plugin.core.json.JsonWriter;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the IWA web app manifest: defaults from the project, the user's manifest on top, Direct Sockets permissions
 * always, and {@link DefaultIcon} when the result lists no icons (Chromium will not install an IWA without one).
 */
public final class Manifests {
    public static final String PATH = "/.well-known/manifest.webmanifest";

    /** Without all of these, binding a UDPSocket fails in Chromium (seen in 156; see notes/iwa-chromium.md). */
    public static final List<String> REQUIRED_PERMISSIONS = List.of(
            "direct-sockets", "cross-origin-isolated", "local-network-access", "local-network", "loopback-network");

    private Manifests() {
    }

    /** The manifest text, and whether it points at {@link DefaultIcon} (so the caller must serve that file). */
    public record Generated(String json, boolean usesDefaultIcon) {
    }

    /**
     * The manifest as JSON text. {@code userManifestBytes} (may be null) is merged: its members win, except that
     * {@code permissions_policy} always grants {@link #REQUIRED_PERMISSIONS} to "self".
     */
    public static String build(ManifestSpec spec, byte[] userManifestBytes, String userManifestName) throws BundleException {
        return generate(spec, userManifestBytes, userManifestName).json();
    }

    /**
     * As {@link #build}, also saying whether the default icon was added: only when the merged manifest has no
     * {@code icons} member at all (a user list, even an empty one, is never touched).
     */
    public static Generated generate(ManifestSpec spec, byte[] userManifestBytes, String userManifestName) throws BundleException {
        Map<String, Object> user = userManifestBytes == null ? Map.of() : parseUser(userManifestBytes, userManifestName);
        Map<String, Object> manifest = new LinkedHashMap<>();
        if ((spec.name() == null || spec.name().isBlank()) && !user.containsKey("name")) {
            throw new BundleException("The app has no name: set <name> in the pom, or \"name\" in manifest.webmanifest.");
        }
        manifest.put("name", spec.name());
        if (user.containsKey("version")) {
            Object v = user.get("version");
            if (!(v instanceof String s) || !IwaVersion.isValid(s)) {
                throw new BundleException("\"version\" in " + userManifestName + " must be a string of 1 to 4 dot-separated integers"
                        + " without leading zeros (e.g. \"1.0.0\"), found " + JsonWriter.write(v).trim()
                        + ". Fix it there, or remove it to use the pom's version.");
            }
        } else if (spec.version() == null) {
            throw new BundleException("The app has no version: set <version> in the pom, or \"version\" in manifest.webmanifest.");
        } else {
            manifest.put("version", IwaVersion.fromProjectVersion(spec.version()));
        }
        manifest.put("id", "/");
        manifest.put("start_url", spec.startUrl() == null ? "/" : spec.startUrl());
        manifest.put("display", spec.display() == null ? "standalone" : spec.display());
        manifest.putAll(user);
        manifest.put("permissions_policy", permissions(user.get("permissions_policy"), userManifestName));
        boolean defaultIcon = !manifest.containsKey("icons");
        if (defaultIcon) {
            manifest.put("icons", List.of(DefaultIcon.manifestEntry()));
        }
        return new Generated(JsonWriter.write(manifest), defaultIcon);
    }

    private static Map<String, Object> permissions(Object userPolicy, String userManifestName) throws BundleException {
        Map<String, Object> policy = new LinkedHashMap<>();
        if (userPolicy != null) {
            if (!(userPolicy instanceof Map<?, ?> map)) {
                throw new BundleException("\"permissions_policy\" in " + userManifestName
                        + " must be an object like {\"direct-sockets\": [\"self\"]}");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                policy.put((String) e.getKey(), e.getValue());
            }
        }
        for (String feature : REQUIRED_PERMISSIONS) {
            Object allow = policy.get(feature);
            if (allow == null) {
                policy.put(feature, List.of("self"));
            } else if (allow instanceof List<?> list) {
                if (!list.contains("self")) {
                    List<Object> withSelf = new ArrayList<>(list);
                    withSelf.add(0, "self");
                    policy.put(feature, withSelf);
                }
            } else {
                throw new BundleException("\"permissions_policy\".\"" + feature + "\" in " + userManifestName
                        + " must be a list of origins like [\"self\"]");
            }
        }
        return policy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseUser(byte[] bytes, String name) throws BundleException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BundleException("The manifest " + name + " is not valid UTF-8 text; save it as UTF-8.");
        }
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (JsonException e) {
            throw new BundleException("The manifest " + name + " is not valid JSON: " + e.getMessage() + ". Fix the JSON there.", e);
        }
        if (!(parsed instanceof Map)) {
            throw new BundleException("The manifest " + name + " must be a JSON object ({ ... }).");
        }
        return (Map<String, Object>) parsed;
    }
}
