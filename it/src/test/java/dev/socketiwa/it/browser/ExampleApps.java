package dev.socketiwa.it.browser;

import dev.socketiwa.it.tools.TestTools;
import dev.socketiwa.plugin.core.bundle.AppContent;
import dev.socketiwa.plugin.core.bundle.AppContentSpec;
import dev.socketiwa.plugin.core.bundle.BundleException;
import dev.socketiwa.plugin.core.bundle.ManifestSpec;
import dev.socketiwa.plugin.core.bundle.WebResource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * @param overlay test resources used only while the example has no manifest of its own: {@code <overlay>.webmanifest}
     *                is merged as the manifest and the directory {@code <overlay>/} is served too. Chromium 156 refuses a
     *                dev-proxy install unless the manifest lists an icon of at least 144 px that it can rasterise (an
     *                SVG needs width/height), and the generated manifest lists none.
     */
    static SortedMap<String, WebResource> content(String name, String displayName, String overlay) throws BundleException {
        Path dir = directory(name);
        Path iwa = dir.resolve("src/main/iwa");
        List<Path> generated = new ArrayList<>();
        generated.add(dir.resolve("target/socketiwa/web"));
        Path manifest = null;
        if (overlay != null && !Files.exists(iwa.resolve(".well-known/manifest.webmanifest"))) {
            manifest = AppContents.resource(overlay + ".webmanifest");
            generated.add(AppContents.resource(overlay));
        }
        return AppContent.collect(new AppContentSpec(iwa, generated,
                new ManifestSpec(displayName, "0.1.0", "/", "standalone", manifest)));
    }
}
