package dev.socketiwa.plugin.mojo;

import java.nio.file.Path;

/** Where a project's development signing key lives when none is configured. */
final class DevKeys {
    static final String RELATIVE_PATH = ".socketiwa/signing-key.pem";

    private DevKeys() {
    }

    static Path defaultPath(Path basedir) {
        return basedir.resolve(RELATIVE_PATH);
    }
}
