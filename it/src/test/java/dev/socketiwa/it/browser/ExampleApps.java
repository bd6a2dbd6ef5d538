package dev.socketiwa.it.browser;

import dev.socketiwa.it.tools.TestTools;
import dev.socketiwa.plugin.core.bundle.AppContent;
import dev.socketiwa.plugin.core.bundle.AppContentSpec;
import dev.socketiwa.plugin.core.bundle.BundleException;
import dev.socketiwa.plugin.core.bundle.ManifestSpec;
import dev.socketiwa.plugin.core.bundle.WebResource;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

/**
 * The content of an example app as the reactor built it (examples/NAME), collected by the product's AppContent with
 * the example's own directories: what socketiwa:bundle packages and socketiwa:dev serves.
 */
final class ExampleApps {
    private ExampleApps() {
    }

    static Path directory(String name) {
        Path dir = TestTools.root().getParent().resolve("examples").resolve(name);
        TestTools.require(dir.resolve("target/socketiwa/web/app.wasm"), "the wasm build of examples/" + name
                + " (the reactor builds it before the it module: run mvn verify from the repository root)");
        return dir;
    }

    static SortedMap<String, WebResource> content(String name, String displayName) throws BundleException {
        Path dir = directory(name);
        return AppContent.collect(new AppContentSpec(dir.resolve("src/main/iwa"), List.of(dir.resolve("target/socketiwa/web")),
                new ManifestSpec(displayName, "0.1.0", "/", "standalone", null)));
    }
}
