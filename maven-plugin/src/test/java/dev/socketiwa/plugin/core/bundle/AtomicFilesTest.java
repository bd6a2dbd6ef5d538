package dev.socketiwa.plugin.core.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writeReplacesAndLeavesNoTempFiles() throws Exception {
        Path target = dir.resolve("out/app.swbn");
        AtomicFiles.write(target, new byte[] {1});
        AtomicFiles.write(target, new byte[] {2, 3});
        assertArrayEquals(new byte[] {2, 3}, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void createPrivateNeverOverwrites() throws Exception {
        Path key = dir.resolve(".socketiwa/key.pem");
        AtomicFiles.createPrivate(key, new byte[] {1});
        BundleException e = assertThrows(BundleException.class, () -> AtomicFiles.createPrivate(key, new byte[] {2}));
        assertTrue(e.getMessage().contains("never overwritten"), e.getMessage());
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(key));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }

    @Test
    void failureLeavesNothing() throws Exception {
        Files.writeString(dir.resolve("file"), "x");
        // The parent of the target is a regular file, so the write must fail without creating anything.
        assertThrows(BundleException.class, () -> AtomicFiles.write(dir.resolve("file/app.swbn"), new byte[] {1}));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
