package dev.socketiwa.runtime.quic.jvm;

import dev.socketiwa.runtime.quic.ContentSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files under a directory (JVM only); paths that leave it, or do not name a regular file, give null. */
public final class DirectoryContent implements ContentSource {
    private final Path root;

    public DirectoryContent(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public byte[] get(String path) {
        Path p = root.resolve(path.substring(1)).normalize();
        if (!p.startsWith(root) || !Files.isRegularFile(p)) return null;
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            return null;
        }
    }
}
