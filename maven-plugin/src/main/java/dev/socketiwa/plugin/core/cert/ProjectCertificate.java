package dev.socketiwa.plugin.core.cert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateHashes;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.PublishedCertificate;
import dev.socketiwa.quic.crypto.RandomSource;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.cert.jvm.FileCertificateStore;

/**
 * What {@code socketiwa:cert} does, without Maven: generate a WebTransport certificate with the runtime's generator,
 * write {@code cert.pem} and {@code key.pem} into the output directory (the files the JVM runtime's
 * {@link FileCertificateStore} reads, so a server started in the project serves this certificate), and describe the
 * hash for people to paste into a client.
 */
public final class ProjectCertificate {
    public static final String CERT_FILE = FileCertificateStore.CERT;
    public static final String KEY_FILE = FileCertificateStore.KEY;

    private final ServerCertificate certificate;
    private final Path certFile;
    private final Path keyFile;
    private final CertificateRequest request;

    private ProjectCertificate(ServerCertificate certificate, Path certFile, Path keyFile, CertificateRequest request) {
        this.certificate = certificate;
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.request = request;
    }

    /**
     * Generates and writes the pair. Refuses when either file exists unless {@code force}; each file is written to a
     * temporary file and renamed into place, the key first and owner-readable only.
     *
     * @throws IllegalArgumentException when the request is unusable (the message says what to change)
     */
    public static ProjectCertificate create(Path outputDirectory, CertificateRequest request, boolean force,
            RandomSource random, long nowMillis) throws CertificateExistsException, IOException {
        Path certFile = outputDirectory.resolve(CERT_FILE);
        Path keyFile = outputDirectory.resolve(KEY_FILE);
        if (!force) {
            List<String> existing = new ArrayList<>();
            for (Path file : new Path[] {certFile, keyFile}) {
                if (Files.exists(file)) {
                    existing.add(file.toString());
                }
            }
            if (!existing.isEmpty()) {
                throw new CertificateExistsException(String.join(" and ", existing) + (existing.size() == 1
                        ? " already exists" : " already exist") + "; nothing was written. Clients that pinned the"
                        + " current hash stop connecting once it is replaced: if that is what you want, run again"
                        + " with -Dsocketiwa.force=true.");
            }
        }
        ServerCertificate certificate = new CertificateGenerator(random).generate(request, nowMillis);
        Files.createDirectories(outputDirectory);
        guardKeysFromVersionControl(outputDirectory);
        FileCertificateStore.writeAtomically(keyFile, certificate.privateKeyPem().getBytes(StandardCharsets.US_ASCII),
                true);
        FileCertificateStore.writeAtomically(certFile,
                certificate.certificatePem().getBytes(StandardCharsets.US_ASCII), false);
        return new ProjectCertificate(certificate, certFile, keyFile, request);
    }

    /** A .gitignore for the key files, unless the directory already has one (then it is the user's to keep). */
    private static void guardKeysFromVersionControl(Path outputDirectory) throws IOException {
        Path ignore = outputDirectory.resolve(".gitignore");
        if (!Files.exists(ignore)) {
            // *-key.pem also covers next-key.pem and the bundle signer's signing-key.pem in the same directory.
            String content = "# Private keys (socketiwa:cert, socketiwa:bundle): never commit them.\n"
                    + KEY_FILE + "\n*-key.pem\n";
            FileCertificateStore.writeAtomically(ignore, content.getBytes(StandardCharsets.US_ASCII), false);
        }
    }

    public ServerCertificate certificate() {
        return certificate;
    }

    public Path certFile() {
        return certFile;
    }

    public Path keyFile() {
        return keyFile;
    }

    /** The lines to print: files, names, validity, the hash as base64 and hex, and the client snippet. */
    public List<String> report() {
        PublishedCertificate published = certificate.published();
        long days = (certificate.notAfterMillis() - certificate.notBeforeMillis()) / CertificateRequest.DAY_MILLIS;
        List<String> lines = new ArrayList<>();
        lines.add("Certificate: " + certFile);
        lines.add("Private key: " + keyFile + " (secret: keep it out of version control and out of the bundle)");
        lines.add("Subject: " + request.subject() + "; alternative names: "
                + String.join(", ", request.subjectAltNames()));
        lines.add("Valid from " + Instant.ofEpochMilli(certificate.notBeforeMillis()) + " to "
                + Instant.ofEpochMilli(certificate.notAfterMillis()) + " (" + days + " days)");
        lines.add("SHA-256 (base64): " + published.sha256Base64());
        lines.add("SHA-256 (hex):    " + published.sha256Hex());
        lines.add("Client option for new WebTransport(url, { ... }):");
        lines.add("  " + CertificateHashes.serverCertificateHashesSnippet(Collections.singletonList(published)));
        return lines;
    }
}
