package dev.socketiwa.plugin.mojo;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

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
    }

    @Test
    void nothingBuiltSaysToBuildFirst(@TempDir Path dir) {
        DevMojo mojo = new DevMojo();
        mojo.iwaDirectory = dir.resolve("src/main/iwa").toFile();
        mojo.generatedDirectory = dir.resolve("target/socketiwa/web").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::contentSupplier);
        assertTrue(e.getMessage().contains("mvn package socketiwa:dev"), e.getMessage());
    }

    @Test
    void contentWithoutManifestIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path web = Files.createDirectories(dir.resolve("web"));
        Files.write(web.resolve("index.html"), "<!DOCTYPE html>".getBytes(StandardCharsets.UTF_8));
        DevMojo mojo = new DevMojo();
        mojo.generatedDirectory = web.toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::contentSupplier);
        assertTrue(e.getMessage().contains("/.well-known/manifest.webmanifest"), e.getMessage());

        Files.createDirectories(web.resolve(".well-known"));
        Files.write(web.resolve(".well-known/manifest.webmanifest"), "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals("application/manifest+json",
                mojo.contentSupplier().get().get("/.well-known/manifest.webmanifest").contentType());
    }
}
