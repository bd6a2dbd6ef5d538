package dev.socketiwa.plugin.core.dev;

import dev.socketiwa.plugin.core.bundle.WebResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstallabilityCheckTest {
    private static final String SIZED_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 64 64\"/>";

    @Test
    void anInstallableAppHasNoProblems() {
        assertEquals(List.of(), InstallabilityCheck.problems(content(
                "{\"icons\": [{\"src\": \"/icon.svg\", \"sizes\": \"256x256\", \"type\": \"image/svg+xml\"}]}", SIZED_SVG)));
    }

    @Test
    void eachThingChromiumRefusesIsNamedWithItsFix() {
        assertTrue(only(content("{\"name\": \"x\"}", SIZED_SVG)).contains("lists no icons"));
        assertTrue(only(content("{\"icons\": [{\"src\": \"/other.png\", \"sizes\": \"256x256\"}]}", SIZED_SVG))
                .contains("/other.png is not among the app's files"));
        assertTrue(only(content("{\"icons\": [{\"src\": \"icon.svg\", \"sizes\": \"any\"}]}", "<svg viewBox=\"0 0 64 64\"/>"))
                .contains("width=\"256\" height=\"256\""));
        assertTrue(only(content("{\"icons\": [{\"src\": \"/icon.svg\"}]}", SIZED_SVG)).contains("no \"sizes\""));
        assertTrue(only(new TreeMap<>()).contains("manifest.webmanifest"));
    }

    private static String only(Map<String, WebResource> content) {
        List<String> problems = InstallabilityCheck.problems(content);
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }

    private static Map<String, WebResource> content(String manifest, String svg) {
        Map<String, WebResource> content = new TreeMap<>();
        content.put("/.well-known/manifest.webmanifest", new WebResource("/.well-known/manifest.webmanifest",
                "application/manifest+json", manifest.getBytes(StandardCharsets.UTF_8)));
        content.put("/icon.svg", new WebResource("/icon.svg", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8)));
        return content;
    }
}
