package dev.socketiwa.plugin.core.bundle;

import java.nio.file.Path;

/**
 * What the generated web app manifest is made from. {@code version} is the project's version as written in the pom
 * (it is made IWA-valid). {@code userManifest} is a JSON manifest to merge, or null to use
 * {@code <iwaDirectory>/.well-known/manifest.webmanifest} when that file exists. A null {@code startUrl} means "/",
 * a null {@code display} "standalone".
 */
public record ManifestSpec(String name, String version, String startUrl, String display, Path userManifest) {
}
