package dev.socketiwa.plugin.core.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.quic.crypto.SecureRandomSource;

class ProjectCertificateTest {
    static final long NOW = 1_795_000_000_000L;

    @Test
    void writesPemFilesAndReportsTheHashThreeWays(@TempDir Path project) throws Exception {
        Path out = project.resolve(".socketiwa");
        ProjectCertificate written = ProjectCertificate.create(out, CertificateRequest.defaults(), false,
                new SecureRandomSource(), NOW);
        String certPem = Files.readString(out.resolve("cert.pem"));
        String keyPem = Files.readString(out.resolve("key.pem"));
        ServerCertificate loaded = ServerCertificate.fromPem(certPem, keyPem);
        assertTrue(loaded.hasSameHash(written.certificate()));

        X509Certificate jdk = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(loaded.der()));
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(jdk.getEncoded());
        List<String> report = written.report();
        String all = String.join("\n", report);
        assertTrue(all.contains("SHA-256 (base64): " + Base64.getEncoder().encodeToString(hash)), all);
        StringBuilder hex = new StringBuilder();
        StringBuilder decimal = new StringBuilder();
        for (byte b : hash) {
            hex.append(String.format("%02x", b));
            decimal.append(decimal.length() == 0 ? "" : ", ").append(b & 0xff);
        }
        assertTrue(all.contains("SHA-256 (hex):    " + hex), all);
        assertTrue(all.contains("serverCertificateHashes: [{ algorithm: 'sha-256', value: new Uint8Array(["
                + decimal + "]) }]"), all);
        assertTrue(all.contains("(13 days)"), all);
        assertTrue(all.contains("alternative names: localhost, 127.0.0.1"), all);
        assertTrue(all.contains(out.resolve("key.pem").toString()), all);
    }

    @Test
    void refusesToOverwriteWithoutForceAndReplacesWithIt(@TempDir Path out) throws Exception {
        ProjectCertificate first = ProjectCertificate.create(out, CertificateRequest.defaults(), false,
                new SecureRandomSource(), NOW);
        String certBefore = Files.readString(out.resolve("cert.pem"));
        String keyBefore = Files.readString(out.resolve("key.pem"));

        CertificateExistsException refused = assertThrows(CertificateExistsException.class,
                () -> ProjectCertificate.create(out, CertificateRequest.defaults(), false, new SecureRandomSource(), NOW));
        assertTrue(refused.getMessage().contains(out.resolve("cert.pem") + " and " + out.resolve("key.pem")
                + " already exist"), refused.getMessage());
        assertTrue(refused.getMessage().contains("-Dsocketiwa.force=true"), refused.getMessage());
        assertEquals(certBefore, Files.readString(out.resolve("cert.pem")), "untouched");
        assertEquals(keyBefore, Files.readString(out.resolve("key.pem")), "untouched");

        // a lone key file is protected as well
        Files.delete(out.resolve("cert.pem"));
        CertificateExistsException lone = assertThrows(CertificateExistsException.class,
                () -> ProjectCertificate.create(out, CertificateRequest.defaults(), false, new SecureRandomSource(), NOW));
        assertTrue(lone.getMessage().contains("key.pem already exists"), lone.getMessage());

        ProjectCertificate forced = ProjectCertificate.create(out, CertificateRequest.defaults(), true,
                new SecureRandomSource(), NOW);
        assertFalse(forced.certificate().hasSameHash(first.certificate()));
        assertTrue(ServerCertificate.fromPem(Files.readString(out.resolve("cert.pem")),
                Files.readString(out.resolve("key.pem"))).hasSameHash(forced.certificate()));
        try (var files = Files.list(out)) {
            assertEquals(3, files.count(), "cert.pem, key.pem, .gitignore and no temporary files");
        }
        assertEquals(List.of("# Private keys (socketiwa:cert, socketiwa:bundle): never commit them.",
                "key.pem", "*-key.pem"), Files.readAllLines(out.resolve(".gitignore")));

        Files.writeString(out.resolve(".gitignore"), "mine\n");
        ProjectCertificate.create(out, CertificateRequest.defaults(), true, new SecureRandomSource(), NOW);
        assertEquals("mine\n", Files.readString(out.resolve(".gitignore")), "a user's .gitignore is left alone");
    }
}
