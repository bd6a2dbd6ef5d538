package dev.socketiwa.it.browser;

import dev.socketiwa.plugin.core.bundle.AppContent;
import dev.socketiwa.plugin.core.bundle.AppContentSpec;
import dev.socketiwa.plugin.core.bundle.BundleException;
import dev.socketiwa.plugin.core.bundle.ManifestSpec;
import dev.socketiwa.plugin.core.bundle.WebResource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.SortedMap;

/** App content for browser tests, always collected by the product's AppContent: what socketiwa:bundle and :dev serve. */
final class AppContents {
    private AppContents() {
    }

    /** A test-only app under src/test/resources (its .well-known/manifest.webmanifest is merged like a user's). */
    static SortedMap<String, WebResource> fixture(String resourceDir, String name) throws BundleException {
        return AppContent.collect(new AppContentSpec(resource(resourceDir), List.of(),
                new ManifestSpec(name, "0.1.0", "/", "standalone", null)));
    }

    static Path resource(String name) {
        try {
            return Paths.get(AppContents.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name + " is missing", e);
        }
    }
}
