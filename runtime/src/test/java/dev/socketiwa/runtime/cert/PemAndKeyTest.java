package dev.socketiwa.runtime.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.socketiwa.quic.crypto.SecureRandomSource;

class PemAndKeyTest {
    private final CertificateGenerator generator = new CertificateGenerator(new SecureRandomSource());
    private final ServerCertificate generated =
            generator.generate(CertificateRequest.defaults(), CertificateGeneratorTest.NOW);

    @Test
    void pemRoundTripKeepsCertificateKeyAndHash() {
        String certPem = generated.certificatePem();
        String keyPem = generated.privateKeyPem();
        assertTrue(certPem.startsWith("-----BEGIN CERTIFICATE-----\n"), certPem);
        assertTrue(certPem.endsWith("-----END CERTIFICATE-----\n"), certPem);
        assertTrue(keyPem.startsWith("-----BEGIN PRIVATE KEY-----\n"), keyPem);
        for (String line : certPem.split("\n")) {
            assertTrue(line.length() <= 64, "RFC 7468 line length: " + line);
        }

        ServerCertificate back = ServerCertificate.fromPem(certPem, keyPem);
        assertArrayEquals(generated.der(), back.der());
        assertArrayEquals(generated.sha256(), back.sha256());
        assertEquals(generated.notAfterMillis(), back.notAfterMillis());
        assertEquals(keyPem, back.privateKeyPem());
        // Text around the block (as openssl writes for PKCS#12 exports) does not matter.
        assertArrayEquals(generated.der(),
                ServerCertificate.fromPem("subject=CN=localhost\r\n" + certPem.replace("\n", "\r\n"), keyPem).der());
    }

    @Test
    void jdkLoadsTheKeyAndItSignsForTheCertificate() throws Exception {
        byte[] pkcs8 = Pem.decode(Pem.PRIVATE_KEY, generated.privateKeyPem());
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        byte[] message = "signed by the JDK".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(CertificateGeneratorTest.jdkParse(generated.der()).getPublicKey());
        verifier.update(message);
        assertTrue(verifier.verify(signature));
    }

    @Test
    void ourSignaturesVerifyWithTheJdk() throws Exception {
        byte[] message = "TLS 1.3, server CertificateVerify".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = generated.key().signSha256(message);
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(CertificateGeneratorTest.jdkParse(generated.der()).getPublicKey());
        verifier.update(message);
        assertTrue(verifier.verify(signature));
    }

    @Test
    void readsKeysOpensslMadeInBothForms(@TempDir Path dir) throws Exception {
        Path pkcs8 = dir.resolve("pkcs8.pem");
        Openssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", pkcs8.toString());
        Path sec1 = dir.resolve("sec1.pem");
        Openssl.run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", sec1.toString());
        for (Path keyFile : new Path[] {pkcs8, sec1}) {
            Path cert = dir.resolve(keyFile.getFileName() + ".crt");
            Openssl.run("req", "-new", "-x509", "-key", keyFile.toString(), "-out", cert.toString(), "-days", "10",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
            ServerCertificate loaded = ServerCertificate.fromPem(Files.readString(cert), Files.readString(keyFile));
            assertEquals(10 * CertificateRequest.DAY_MILLIS, loaded.notAfterMillis() - loaded.notBeforeMillis());
            // and back out as PKCS#8 that openssl reads
            Path out = dir.resolve(keyFile.getFileName() + ".out");
            Files.writeString(out, loaded.privateKeyPem());
            assertEquals(Openssl.run("pkey", "-in", keyFile.toString(), "-pubout"),
                    Openssl.run("pkey", "-in", out.toString(), "-pubout"));
        }
    }

    @Test
    void unusableInputGivesClearErrors(@TempDir Path dir) throws Exception {
        String cert = generated.certificatePem();
        String key = generated.privateKeyPem();
        assertMessage("expected a -----BEGIN CERTIFICATE----- block, found no PEM block at all",
                () -> ServerCertificate.fromPem("garbage", key));
        assertMessage("found a block starting -----BEGIN PRIVATE KEY-----",
                () -> ServerCertificate.fromPem(key, key));
        assertMessage("has no -----END CERTIFICATE----- line",
                () -> ServerCertificate.fromPem(cert.substring(0, cert.length() / 2), key));
        assertMessage("not valid base64",
                () -> ServerCertificate.fromPem(cert.replaceFirst("\n[A-Za-z0-9+/]{8}", "\n!!!!!!!!"), key));
        assertMessage("not a DER X.509 certificate",
                () -> ServerCertificate.fromPem(Pem.encode(Pem.CERTIFICATE, new byte[] {0x30, 0x03, 1, 2, 3}), key));
        assertMessage("private key PEM: no PEM text", () -> ServerCertificate.fromPem(cert, null));
        assertMessage("does not belong to this certificate", () -> ServerCertificate.fromPem(cert,
                generator.generate(CertificateRequest.defaults(), CertificateGeneratorTest.NOW).privateKeyPem()));

        Path rsa = dir.resolve("rsa.pem");
        Openssl.run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", rsa.toString());
        assertMessage("not an EC key", () -> ServerCertificate.fromPem(cert, Files.readString(rsa)));
        Path p384 = dir.resolve("p384.pem");
        Openssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", p384.toString());
        assertMessage("not on P-256", () -> ServerCertificate.fromPem(cert, Files.readString(p384)));

        // A certificate openssl makes for a year: refused, the browser would refuse it too.
        Path longKey = dir.resolve("long.key");
        Path longCert = dir.resolve("long.crt");
        Openssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", longKey.toString());
        Openssl.run("req", "-new", "-x509", "-key", longKey.toString(), "-out", longCert.toString(), "-days", "365",
                "-subj", "/CN=localhost");
        assertMessage("more than the 14 days",
                () -> ServerCertificate.fromPem(Files.readString(longCert), Files.readString(longKey)));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        CertificateFormatException e = assertThrows(CertificateFormatException.class, action);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain: " + expected);
    }
}
