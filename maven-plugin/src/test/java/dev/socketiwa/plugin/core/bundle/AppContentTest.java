package dev.socketiwa.plugin.core.bundle;

import dev.socketiwa.plugin.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppContentTest {
    @TempDir
    Path dir;

    private Path write(String relative, String content) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private static ManifestSpec manifest(Path user) {
        return new ManifestSpec("My App", "0.1.0-SNAPSHOT", "/", "standalone", user);
    }

    @Test
    void collectsStaticAndGeneratedFilesSortedWithManifest() throws Exception {
        write("iwa/index.html", "<h1>hi</h1>");
        write("iwa/app.js", "1");
        write("gen/app.wasm", "wasm");
        write("gen/sub/x.css", "b{}");
        SortedMap<String, WebResource> all = AppContent.collect(new AppContentSpec(dir.resolve("iwa"),
                List.of(dir.resolve("gen"), dir.resolve("absent")), manifest(null)));
        assertEquals(List.of("/", "/.well-known/manifest.webmanifest", "/app.js", "/app.wasm", "/index.html",
                        DefaultIcon.PATH, "/sub/x.css"),
                List.copyOf(all.keySet()));
        assertEquals("application/wasm", all.get("/app.wasm").contentType());
        assertEquals("text/html; charset=utf-8", all.get("/").contentType());
        assertArrayEquals(all.get("/index.html").body(), all.get("/").body());
        Map<?, ?> m = (Map<?, ?>) Json.parse(new String(all.get(Manifests.PATH).body(), StandardCharsets.UTF_8));
        assertEquals("My App", m.get("name"));
        assertEquals("0.1.0", m.get("version"));
        assertEquals("/", m.get("start_url"));
        assertEquals("standalone", m.get("display"));
        Map<?, ?> policy = (Map<?, ?>) m.get("permissions_policy");
        for (String p : Manifests.REQUIRED_PERMISSIONS) {
            assertEquals(List.of("self"), policy.get(p), p);
        }
        assertEquals("application/manifest+json", all.get(Manifests.PATH).contentType());
    }

    @Test
    void userManifestWinsButRequiredPermissionsStay() throws Exception {
        write("iwa/index.html", "x");
        write("iwa/.well-known/manifest.webmanifest", "{\"name\": \"Mine\", \"version\": \"2.1\", \"icons\": [],"
                + " \"permissions_policy\": {\"direct-sockets\": [], \"camera\": [\"self\"]}}");
        SortedMap<String, WebResource> all = AppContent.collect(new AppContentSpec(dir.resolve("iwa"), List.of(), manifest(null)));
        Map<?, ?> m = (Map<?, ?>) Json.parse(new String(all.get(Manifests.PATH).body(), StandardCharsets.UTF_8));
        assertEquals("Mine", m.get("name"));
        assertEquals("2.1", m.get("version"));
        assertEquals(List.of(), m.get("icons"));
        Map<?, ?> policy = (Map<?, ?>) m.get("permissions_policy");
        assertEquals(List.of("self"), policy.get("direct-sockets"));
        assertEquals(List.of("self"), policy.get("camera"));
        assertEquals(List.of("self"), policy.get("loopback-network"));
    }

    @Test
    void defaultIconIsAddedWhenTheManifestHasNone() throws Exception {
        write("iwa/index.html", "x");
        SortedMap<String, WebResource> all = AppContent.collect(new AppContentSpec(dir.resolve("iwa"), List.of(), manifest(null)));
        Map<?, ?> m = (Map<?, ?>) Json.parse(new String(all.get(Manifests.PATH).body(), StandardCharsets.UTF_8));
        assertEquals(List.of(Map.of("src", DefaultIcon.PATH, "sizes", "256x256", "type", "image/svg+xml", "purpose", "any")),
                m.get("icons"));
        WebResource icon = all.get(DefaultIcon.PATH);
        assertEquals("image/svg+xml", icon.contentType());
        String svg = new String(icon.body(), StandardCharsets.UTF_8);
        // Chromium 156 fails to download an SVG icon without intrinsic size, and refuses icons under 144 px.
        assertTrue(svg.startsWith("<svg") && svg.contains("width=\"256\"") && svg.contains("height=\"256\""), svg);
    }

    @Test
    void userIconsAreNeverTouchedAndGetNoDefault() throws Exception {
        write("iwa/index.html", "x");
        write("iwa/mine.png", "png");
        Path user = write("m.json", "{\"icons\": [{\"src\": \"/mine.png\", \"sizes\": \"512x512\"}]}");
        SortedMap<String, WebResource> all = AppContent.collect(new AppContentSpec(dir.resolve("iwa"), List.of(), manifest(user)));
        Map<?, ?> m = (Map<?, ?>) Json.parse(new String(all.get(Manifests.PATH).body(), StandardCharsets.UTF_8));
        assertEquals(List.of(Map.of("src", "/mine.png", "sizes", "512x512")), m.get("icons"));
        assertTrue(!all.containsKey(DefaultIcon.PATH), all.keySet()::toString);
    }

    @Test
    void userFileAtTheDefaultIconPathWins() throws Exception {
        write("iwa/index.html", "x");
        write("iwa" + DefaultIcon.PATH, "<svg width=\"256\" height=\"256\" id=\"mine\"/>");
        SortedMap<String, WebResource> all = AppContent.collect(new AppContentSpec(dir.resolve("iwa"), List.of(), manifest(null)));
        assertEquals("<svg width=\"256\" height=\"256\" id=\"mine\"/>",
                new String(all.get(DefaultIcon.PATH).body(), StandardCharsets.UTF_8));
        Map<?, ?> m = (Map<?, ?>) Json.parse(new String(all.get(Manifests.PATH).body(), StandardCharsets.UTF_8));
        assertEquals(DefaultIcon.PATH, ((Map<?, ?>) ((List<?>) m.get("icons")).get(0)).get("src"));
    }

    @Test
    void nullStartUrlAndDisplayTakeDefaultsButNameAndVersionAreNeeded() throws Exception {
        write("iwa/index.html", "x");
        SortedMap<String, WebResource> all = AppContent.collect(new AppContentSpec(dir.resolve("iwa"), null,
                new ManifestSpec("n", "1", null, null, null)));
        Map<?, ?> m = (Map<?, ?>) Json.parse(new String(all.get(Manifests.PATH).body(), StandardCharsets.UTF_8));
        assertEquals("/", m.get("start_url"));
        assertEquals("standalone", m.get("display"));
        assertThrows(BundleException.class, () -> AppContent.collect(new AppContentSpec(dir.resolve("iwa"), null,
                new ManifestSpec(null, "1", null, null, null))));
        assertThrows(BundleException.class, () -> AppContent.collect(new AppContentSpec(dir.resolve("iwa"), null,
                new ManifestSpec("n", null, null, null, null))));
    }

    @Test
    void sameInputsGiveSameBytes() throws Exception {
        write("iwa/index.html", "x");
        AppContentSpec spec = new AppContentSpec(dir.resolve("iwa"), List.of(), manifest(null));
        assertArrayEquals(AppContent.collect(spec).get(Manifests.PATH).body(), AppContent.collect(spec).get(Manifests.PATH).body());
    }

    @Test
    void missingIwaDirectoryIsAnError() {
        BundleException e = assertThrows(BundleException.class,
                () -> AppContent.collect(new AppContentSpec(dir.resolve("nope"), List.of(), manifest(null))));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void malformedUserManifestNamesLineAndColumn() throws Exception {
        write("iwa/index.html", "x");
        Path user = write("m.json", "{\n \"name\": \"x\",,\n}");
        BundleException e = assertThrows(BundleException.class,
                () -> AppContent.collect(new AppContentSpec(dir.resolve("iwa"), List.of(), manifest(user))));
        assertTrue(e.getMessage().contains("line 2, column 14"), e.getMessage());
        assertTrue(e.getMessage().contains("m.json"), e.getMessage());
    }

    @Test
    void invalidVersionsAreErrors() throws Exception {
        write("iwa/index.html", "x");
        assertThrows(BundleException.class, () -> AppContent.collect(new AppContentSpec(dir.resolve("iwa"), List.of(),
                new ManifestSpec("a", "SNAPSHOT", "/", "standalone", null))));
        Path user = write("m.json", "{\"version\": \"1.0-beta\"}");
        BundleException e = assertThrows(BundleException.class, () -> AppContent.collect(new AppContentSpec(dir.resolve("iwa"),
                List.of(), manifest(user))));
        assertTrue(e.getMessage().contains("\"version\""), e.getMessage());
    }

    @Test
    void badFileNamesAreErrors() throws Exception {
        write("iwa/index.html", "x");
        write("iwa/my file.js", "x");
        BundleException e = assertThrows(BundleException.class,
                () -> AppContent.collect(new AppContentSpec(dir.resolve("iwa"), List.of(), manifest(null))));
        assertTrue(e.getMessage().contains("my file.js") && e.getMessage().contains("a space"), e.getMessage());
        Files.delete(dir.resolve("iwa/my file.js"));
        for (String name : new String[] {"a%20b.js", "q?.js", "h#.js", "caf\u00e9.js"}) {
            Path f = write("iwa/" + name, "x");
            assertThrows(BundleException.class,
                    () -> AppContent.collect(new AppContentSpec(dir.resolve("iwa"), List.of(), manifest(null))), name);
            Files.delete(f);
        }
    }

    @Test
    void samePathFromTwoSourcesIsAnError() throws Exception {
        write("iwa/index.html", "x");
        write("gen/index.html", "y");
        BundleException e = assertThrows(BundleException.class, () -> AppContent.collect(
                new AppContentSpec(dir.resolve("iwa"), List.of(dir.resolve("gen")), manifest(null))));
        assertTrue(e.getMessage().contains("/index.html"), e.getMessage());
    }

    @Test
    void versionsAreMadeIwaValid() throws Exception {
        assertEquals("0.1.0", IwaVersion.fromProjectVersion("0.1.0-SNAPSHOT"));
        assertEquals("1.2", IwaVersion.fromProjectVersion("1.02"));
        assertEquals("1.2.3.4", IwaVersion.fromProjectVersion("1.2.3.4.5"));
        assertEquals("3", IwaVersion.fromProjectVersion("3-rc1"));
        assertTrue(IwaVersion.isValid("1.0.0"));
        assertTrue(!IwaVersion.isValid("1.0.0.0.0") && !IwaVersion.isValid("01") && !IwaVersion.isValid("1..2"));
    }

    @Test
    void contentTypes() {
        assertEquals("application/wasm", ContentTypes.forPath("/a/b.WASM"));
        assertEquals("text/javascript; charset=utf-8", ContentTypes.forPath("/app.js"));
        assertEquals(ContentTypes.DEFAULT, ContentTypes.forPath("/LICENSE"));
        assertEquals(ContentTypes.DEFAULT, ContentTypes.forPath("/.hidden"));
        assertEquals("text/html; charset=utf-8", ContentTypes.forPath("/"));
    }
}
