package dev.socketiwa.runtime.cert.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.runtime.cert.CertificateLifecycle;
import dev.socketiwa.runtime.cert.HomeCertificates;

/** Where a JVM server keeps its certificates, and that a restart over that directory keeps the hash. */
class CertificateDirectoryTest {
    @Test
    void optionThenPropertyThenDefault(@TempDir Path dir) {
        String before = System.getProperty(CertificateDirectory.PROPERTY);
        try {
            System.clearProperty(CertificateDirectory.PROPERTY);
            assertEquals(Path.of(".socketiwa").toAbsolutePath().normalize(), CertificateDirectory.resolve(new String[0]));
            System.setProperty(CertificateDirectory.PROPERTY, dir.resolve("p").toString());
            assertEquals(dir.resolve("p"), CertificateDirectory.resolve(null));
            assertEquals(dir.resolve("a"), CertificateDirectory.resolve(new String[] {"--cert-dir", dir.resolve("a").toString()}));
            assertEquals(dir.resolve("b"), CertificateDirectory.resolve(new String[] {"--cert-dir=" + dir.resolve("b")}));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CertificateDirectory.resolve(new String[] {"--cert-dir"}));
            assertTrue(e.getMessage().contains("--cert-dir needs a directory"), e.getMessage());
        } finally {
            if (before == null) System.clearProperty(CertificateDirectory.PROPERTY);
            else System.setProperty(CertificateDirectory.PROPERTY, before);
        }
    }

    @Test
    void aRestartKeepsTheHash(@TempDir Path dir) {
        String[] args = {"--cert-dir", dir.resolve("certs").toString()};
        CertificateLifecycle first = HomeCertificates.lifecycle(args, new SecureRandomSource());
        first.start();
        assertTrue(Files.isRegularFile(dir.resolve("certs").resolve(FileCertificateStore.CERT)));
        assertEquals(dir.resolve("certs").toString(), first.storeLocation());

        CertificateLifecycle second = HomeCertificates.lifecycle(args, new SecureRandomSource());
        second.start();
        assertEquals(first.publishedHashes(), second.publishedHashes());
    }
}
