package dev.socketiwa.plugin.mojo;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.socketiwa.plugin.core.cert.CertificateExistsException;
import dev.socketiwa.plugin.core.cert.ProjectCertificate;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.quic.crypto.SecureRandomSource;

/**
 * Generates a self-signed ECDSA P-256 certificate and key for WebTransport {@code serverCertificateHashes} (at most 14
 * days, default 13) as {@code cert.pem} and {@code key.pem}, and prints the SHA-256 hash with a ready-to-paste client
 * snippet. Never overwrites existing files unless {@code -Dsocketiwa.force=true}.
 */
@Mojo(name = "cert", threadSafe = true)
public class CertMojo extends AbstractMojo {
    /** The subject: a common name ({@code localhost}) or a distinguished name ({@code CN=echo,O=Example}). */
    @Parameter(property = "socketiwa.cert.subject", defaultValue = CertificateRequest.DEFAULT_SUBJECT)
    String subject;

    /**
     * Subject alternative names: DNS names and IP addresses (IPv4 or IPv6; prefixes {@code DNS:} / {@code IP:} force
     * the kind). From the command line: {@code -Dsocketiwa.cert.sans=localhost,127.0.0.1,::1}. Default: localhost and
     * 127.0.0.1.
     */
    @Parameter(property = "socketiwa.cert.sans")
    List<String> sans;

    /** Days of validity, 1 to 14 (browsers refuse longer certificates for serverCertificateHashes). */
    @Parameter(property = "socketiwa.cert.validityDays", defaultValue = "13")
    int validityDays;

    /** Where cert.pem and key.pem go; the JVM runtime reads its certificate from the same directory. */
    @Parameter(property = "socketiwa.cert.outputDirectory", defaultValue = "${project.basedir}/.socketiwa")
    File outputDirectory;

    /** Replace existing cert.pem / key.pem (clients that pinned the old hash then stop connecting). */
    @Parameter(property = "socketiwa.force", defaultValue = "false")
    boolean force;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        CertificateRequest request;
        try {
            request = CertificateRequest.defaults().withSubject(subject).withValidityDays(validityDays);
            if (sans != null && !sans.isEmpty()) {
                request = request.withSubjectAltNames(sans);
            }
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("socketiwa:cert: " + e.getMessage(), e);
        }
        ProjectCertificate written;
        try {
            written = ProjectCertificate.create(outputDirectory.toPath(), request, force, new SecureRandomSource(),
                    System.currentTimeMillis());
        } catch (CertificateExistsException e) {
            throw new MojoFailureException("socketiwa:cert: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("socketiwa:cert could not write to " + outputDirectory + ": " + e, e);
        }
        for (String line : written.report()) {
            getLog().info(line);
        }
    }
}
