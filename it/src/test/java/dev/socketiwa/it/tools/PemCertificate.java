package dev.socketiwa.it.tools;

import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.ServerCertificate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh self-signed server certificate written as cert.pem and key.pem, the files native peers (ngtcp2, Caddy) read. */
public final class PemCertificate {
    private PemCertificate() {
    }

    /** Generates a certificate with the default request and writes {@code dir/cert.pem} and {@code dir/key.pem}. */
    public static ServerCertificate writeNew(Path dir) throws IOException {
        ServerCertificate cert = new CertificateGenerator(new SecureRandomSource()).generate(CertificateRequest.defaults(),
                System.currentTimeMillis());
        Files.writeString(dir.resolve("cert.pem"), cert.certificatePem());
        Files.writeString(dir.resolve("key.pem"), cert.privateKeyPem());
        return cert;
    }
}
