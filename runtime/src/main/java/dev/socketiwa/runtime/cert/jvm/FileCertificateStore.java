package dev.socketiwa.runtime.cert.jvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import dev.socketiwa.runtime.cert.CertificateStore;
import dev.socketiwa.runtime.cert.CertificateStoreException;
import dev.socketiwa.runtime.cert.PemPair;
import dev.socketiwa.runtime.cert.StoredCertificates;

/**
 * PEM files in one directory: {@code cert.pem} and {@code key.pem} (the current pair, the same files {@code mvn
 * socketiwa:cert} writes, so a server started in the project uses that certificate) and {@code next-cert.pem} /
 * {@code next-key.pem} during a rotation overlap.
 *
 * <p>Each file is written to a temporary file and moved into place atomically, so a crash never leaves a half-written
 * PEM; a crash between two files can leave a key and certificate that do not match, which the lifecycle detects. Key
 * files are readable by the owner only where the file system supports POSIX permissions.
 */
public final class FileCertificateStore implements CertificateStore {
    public static final String CERT = "cert.pem";
    public static final String KEY = "key.pem";
    public static final String NEXT_CERT = "next-cert.pem";
    public static final String NEXT_KEY = "next-key.pem";

    private final Path directory;

    public FileCertificateStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public StoredCertificates load() {
        PemPair current = pair(CERT, KEY);
        PemPair next = pair(NEXT_CERT, NEXT_KEY);
        if (current == null && next == null) {
            return StoredCertificates.empty();
        }
        return new StoredCertificates(current, next);
    }

    @Override
    public void save(StoredCertificates certificates) {
        try {
            Files.createDirectories(directory);
            // The next pair first: if we stop half way, the current pair on disk is still the old, consistent one.
            write(NEXT_KEY, certificates.next() == null ? null : certificates.next().privateKeyPem(), true);
            write(NEXT_CERT, certificates.next() == null ? null : certificates.next().certificatePem(), false);
            write(KEY, certificates.current() == null ? null : certificates.current().privateKeyPem(), true);
            write(CERT, certificates.current() == null ? null : certificates.current().certificatePem(), false);
        } catch (IOException e) {
            throw new CertificateStoreException("cannot write certificates to " + directory + ": " + e, e);
        }
    }

    @Override
    public String location() {
        return directory.toString();
    }

    private PemPair pair(String certName, String keyName) {
        String cert = read(certName);
        String key = read(keyName);
        return cert == null && key == null ? null : new PemPair(cert, key);
    }

    private String read(String name) {
        Path file = directory.resolve(name);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CertificateStoreException("cannot read " + file + ": " + e, e);
        }
    }

    private void write(String name, String content, boolean secret) throws IOException {
        Path target = directory.resolve(name);
        if (content == null) {
            Files.deleteIfExists(target);
            return;
        }
        writeAtomically(target, content.getBytes(StandardCharsets.UTF_8), secret);
    }

    /** Temp file in the same directory, then an atomic rename over the target. */
    public static void writeAtomically(Path target, byte[] content, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try {
                // createTempFile makes owner-only files; a certificate is public and other tools may read it.
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the ACLs of the user's directory apply.
            }
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
