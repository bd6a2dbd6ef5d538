package dev.socketiwa.plugin.core.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads the files under one or more directories as app content; later directories override earlier ones. */
public final class DirectoryContent {
    private DirectoryContent() {
    }

    public static SortedMap<String, ServedFile> read(Path... roots) {
        SortedMap<String, ServedFile> content = new TreeMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new IllegalArgumentException("app content directory " + root + " does not exist");
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    String path = "/" + root.relativize(file).toString().replace('\\', '/');
                    content.put(path, new ServedFile(ContentTypes.forPath(path), Files.readAllBytes(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read app content under " + root + ": " + e.getMessage(), e);
            }
        }
        return content;
    }
}
