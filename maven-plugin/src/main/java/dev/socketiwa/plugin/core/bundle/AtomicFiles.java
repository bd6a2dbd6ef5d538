package dev.socketiwa.plugin.core.bundle;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes files so that a failure never leaves a partial file at the target path. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code data}: written next to it, then moved over it. */
    public static void write(Path target, byte[] data) throws BundleException {
        Path temp = null;
        try {
            // Temp files start owner-only; a build output should be as readable as any other.
            temp = writeSibling(target, data, "rw-r--r--");
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new BundleException("Cannot write " + target + ": " + e + ". Check the directory exists and is writable.", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Creates {@code target} with {@code data}, readable by the owner only where the file system allows; fails if it
     * exists (keys are never overwritten).
     */
    public static void createPrivate(Path target, byte[] data) throws BundleException {
        if (Files.exists(target)) {
            throw new BundleException(target + " already exists; it is never overwritten. Move it away first if you really"
                    + " want a new key (the Web Bundle ID, and so the app's identity, changes with the key).");
        }
        Path temp = null;
        try {
            temp = writeSibling(target, data, "rw-------");
            // A hard link fails if the target appeared meanwhile, unlike a replacing move.
            try {
                Files.createLink(target, temp);
            } catch (UnsupportedOperationException e) {
                Files.move(temp, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new BundleException(target + " already exists; it is never overwritten.", e);
        } catch (IOException e) {
            throw new BundleException("Cannot write " + target + ": " + e + ". Check the directory is writable.", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Writes {@code data} to a new hidden temp file beside {@code target}, with the given POSIX permissions. */
    private static Path writeSibling(Path target, byte[] data, String permissions) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(permissions));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the directory's own protection applies.
            }
            Files.write(temp, data);
            return temp;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // Best effort: a leftover hidden temp file is harmless.
            }
        }
    }
}
