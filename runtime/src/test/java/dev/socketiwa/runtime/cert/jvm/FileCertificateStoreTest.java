package dev.socketiwa.runtime.cert.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateLifecycle;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.CertificateStoreException;
import dev.socketiwa.runtime.cert.PemPair;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.cert.StoredCertificates;

class FileCertificateStoreTest {
    static final long T0 = 1_795_000_000_000L;
    private final CertificateGenerator generator = new CertificateGenerator(new SecureRandomSource());

    @Test
    void savesLoadsAndRemovesTheNextPair(@TempDir Path dir) throws Exception {
        Path sub = dir.resolve(".socketiwa");
        FileCertificateStore store = new FileCertificateStore(sub);
        assertNull(store.load().current());
        ServerCertificate a = generator.generate(CertificateRequest.defaults(), T0);
        ServerCertificate b = generator.generate(CertificateRequest.defaults(), T0);
        store.save(new StoredCertificates(PemPair.of(a), PemPair.of(b)));
        assertEquals(a.certificatePem(), Files.readString(sub.resolve("cert.pem")));
        assertEquals(b.privateKeyPem(), Files.readString(sub.resolve("next-key.pem")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sub.resolve("key.pem"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(sub.resolve("cert.pem"))));

        StoredCertificates loaded = store.load();
        assertTrue(loaded.current().parse().hasSameHash(a));
        assertTrue(loaded.next().parse().hasSameHash(b));

        store.save(new StoredCertificates(PemPair.of(b), null));
        assertFalse(Files.exists(sub.resolve("next-cert.pem")));
        assertFalse(Files.exists(sub.resolve("next-key.pem")));
        assertNull(store.load().next());
        try (var files = Files.list(sub)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void lifecycleOverFilesSurvivesRestartAndRefusesDamage(@TempDir Path dir) throws Exception {
        FileCertificateStore store = new FileCertificateStore(dir);
        CertificateLifecycle first = new CertificateLifecycle(store, generator);
        first.start(T0);
        CertificateLifecycle second = new CertificateLifecycle(new FileCertificateStore(dir), generator);
        second.start(T0 + 60_000);
        assertTrue(second.current().hasSameHash(first.current()), "restart keeps the same hash");

        Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n"
                + "-----END PRIVATE KEY-----\n");
        CertificateLifecycle third = new CertificateLifecycle(new FileCertificateStore(dir), generator);
        CertificateStoreException e = assertThrows(CertificateStoreException.class, () -> third.start(T0 + 120_000));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("private key PEM"), e.getMessage());
    }
}
