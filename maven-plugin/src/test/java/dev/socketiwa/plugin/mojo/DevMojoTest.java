package dev.socketiwa.plugin.mojo;

import dev.socketiwa.plugin.core.bundle.WebResource;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevMojoTest {
    @Test
    void descriptorDeclaresTheDocumentedUserProperties() throws IOException {
        // the plugin descriptor is what Maven reads: check the goal's parameters as a user sees them
        String descriptor = Files.readString(Paths.get("target/classes/META-INF/maven/plugin.xml"));
        String goal = descriptor.substring(descriptor.indexOf("<goal>dev</goal>"));
        goal = goal.substring(0, goal.indexOf("</mojo>"));
        assertTrue(goal.contains("<devPort implementation=\"int\" default-value=\"8080\">${socketiwa.devPort}</devPort>"), goal);
        assertTrue(goal.contains("<launch implementation=\"boolean\" default-value=\"false\">${socketiwa.launch}</launch>"), goal);
        assertTrue(goal.contains("${socketiwa.chromium}"), goal);
        assertTrue(goal.contains("<open implementation=\"java.lang.String\" default-value=\"/\">${socketiwa.open}</open>"), goal);
        // the same content parameters as socketiwa:bundle, so dev serves what the bundle packages
        assertTrue(goal.contains("default-value=\"${project.basedir}/src/main/iwa\">${socketiwa.iwaDirectory}</iwaDirectory>"), goal);
        assertTrue(goal.contains("default-value=\"${project.build.directory}/socketiwa/web\">${socketiwa.generatedDirectory}</generatedDirectory>"), goal);
    }

    @Test
    void aMissingIwaDirectorySaysWhatToDo(@TempDir Path dir) {
        DevMojo mojo = mojo(dir.resolve("src/main/iwa"), dir.resolve("target/socketiwa/web"));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::contentSupplier);
        assertTrue(e.getMessage().contains("src/main/iwa"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn package socketiwa:dev"), e.getMessage());
    }

    @Test
    void servesTheBundlesContentWithTheGeneratedManifestAndSeesRebuilds(@TempDir Path dir) throws Exception {
        Path iwa = Files.createDirectories(dir.resolve("iwa"));
        Path web = Files.createDirectories(dir.resolve("web"));
        Files.writeString(iwa.resolve("icon.svg"), "<svg/>", StandardCharsets.UTF_8);
        Files.writeString(web.resolve("index.html"), "<!DOCTYPE html>", StandardCharsets.UTF_8);
        Supplier<Map<String, WebResource>> content = mojo(iwa, web).contentSupplier();
        Map<String, WebResource> served = content.get();
        String manifest = new String(served.get("/.well-known/manifest.webmanifest").body(), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"direct-sockets\""), manifest);
        assertEquals("image/svg+xml", served.get("/icon.svg").contentType());
        assertTrue(served.containsKey("/"), served.keySet()::toString);

        Files.writeString(web.resolve("app.wasm"), "rebuilt", StandardCharsets.UTF_8);
        assertEquals("application/wasm", content.get().get("/app.wasm").contentType());
    }

    private static DevMojo mojo(Path iwa, Path generated) {
        DevMojo mojo = new DevMojo();
        mojo.iwaDirectory = iwa.toFile();
        mojo.generatedDirectory = generated.toFile();
        mojo.appName = "Test app";
        return mojo;
    }
}
