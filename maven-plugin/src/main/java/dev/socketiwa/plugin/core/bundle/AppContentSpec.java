package dev.socketiwa.plugin.core.bundle;

import java.nio.file.Path;
import java.util.List;

/**
 * Where an app's web files come from: the user's static files, directories other goals generated (those that do not
 * exist are ignored), and the manifest.
 */
public record AppContentSpec(Path iwaDirectory, List<Path> generatedDirectories, ManifestSpec manifest) {
}
