package dev.socketiwa.runtime.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.socketiwa.quic.crypto.SecureRandomSource;

class CertificateGeneratorTest {
    static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    static final long NOW = 1_795_000_000_123L; // 2026-11-18, a fixed instant

    private final CertificateGenerator generator = new CertificateGenerator(new SecureRandomSource());

    static X509Certificate jdkParse(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    @Test
    void defaultCertificateIsWhatWebTransportAccepts() throws Exception {
        ServerCertificate generated = generator.generate(CertificateRequest.defaults(), NOW);
        X509Certificate cert = jdkParse(generated.der());

        assertEquals(3, cert.getVersion());
        assertEquals("1.2.840.10045.4.3.2", cert.getSigAlgOID(), "ecdsa-with-SHA256");
        ECPublicKey key = (ECPublicKey) cert.getPublicKey();
        assertEquals(P256_ORDER, key.getParams().getOrder());
        assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
        cert.verify(cert.getPublicKey()); // self-signed: our ECDSA signature checks out with the JDK
        assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
        assertEquals("CN=localhost", cert.getSubjectX500Principal().getName());

        long validity = cert.getNotAfter().getTime() - cert.getNotBefore().getTime();
        assertEquals(13 * CertificateRequest.DAY_MILLIS, validity);
        assertTrue(validity <= 14 * CertificateRequest.DAY_MILLIS);
        assertEquals(NOW / 1000 * 1000, cert.getNotBefore().getTime());
        cert.checkValidity(new Date(NOW));
        assertEquals(cert.getNotBefore().getTime(), generated.notBeforeMillis());
        assertEquals(cert.getNotAfter().getTime(), generated.notAfterMillis());

        Collection<List<?>> sans = cert.getSubjectAlternativeNames();
        assertTrue(sans.contains(Arrays.asList(2, "localhost")), sans.toString());
        assertTrue(sans.contains(Arrays.asList(7, "127.0.0.1")), sans.toString());
        assertEquals(-1, cert.getBasicConstraints(), "not a CA");
        assertTrue(cert.getKeyUsage()[0], "digitalSignature");
        assertTrue(cert.getCriticalExtensionOIDs().contains("2.5.29.15"), "key usage is critical");
        assertTrue(cert.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        assertTrue(cert.getSerialNumber().signum() > 0);

        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()), generated.sha256());
    }

    @Test
    void eachCertificateHasItsOwnKeySerialAndHash() throws Exception {
        ServerCertificate a = generator.generate(CertificateRequest.defaults(), NOW);
        ServerCertificate b = generator.generate(CertificateRequest.defaults(), NOW);
        assertNotEquals(jdkParse(a.der()).getSerialNumber(), jdkParse(b.der()).getSerialNumber());
        assertFalse(a.hasSameHash(b));
        assertFalse(Arrays.equals(a.key().publicKeyUncompressed(), b.key().publicKeyUncompressed()));
    }

    @Test
    void subjectAndAlternativeNamesAreConfigurable() throws Exception {
        CertificateRequest request = CertificateRequest.defaults()
                .withSubject("CN=echo.example.test,O=Example\\, Inc.,C=DE")
                .withSubjectAltNames(List.of("echo.example.test", "*.example.test", "::1", "IP:10.1.2.3",
                        "DNS:localhost", "[fe80::1]"))
                .withValidityDays(14);
        X509Certificate cert = jdkParse(generator.generate(request, NOW).der());
        assertEquals("CN=echo.example.test,O=Example\\, Inc.,C=DE", cert.getSubjectX500Principal().getName());
        Collection<List<?>> sans = cert.getSubjectAlternativeNames();
        assertTrue(sans.contains(Arrays.asList(2, "echo.example.test")), sans.toString());
        assertTrue(sans.contains(Arrays.asList(2, "*.example.test")), sans.toString());
        assertTrue(sans.contains(Arrays.asList(7, "0:0:0:0:0:0:0:1")), sans.toString());
        assertTrue(sans.contains(Arrays.asList(7, "10.1.2.3")), sans.toString());
        assertTrue(sans.contains(Arrays.asList(2, "localhost")), sans.toString());
        assertTrue(sans.contains(Arrays.asList(7, "fe80:0:0:0:0:0:0:1")), sans.toString());
        assertEquals(14 * CertificateRequest.DAY_MILLIS, cert.getNotAfter().getTime() - cert.getNotBefore().getTime());
    }

    @Test
    void validityLongerThanFourteenDaysIsRefusedWithTheReason() {
        IllegalArgumentException days = assertThrows(IllegalArgumentException.class,
                () -> CertificateRequest.defaults().withValidityDays(15));
        assertTrue(days.getMessage().contains("at most 14 days"), days.getMessage());
        IllegalArgumentException millis = assertThrows(IllegalArgumentException.class,
                () -> CertificateRequest.defaults().withValidityMillis(CertificateRequest.MAX_VALIDITY_MILLIS + 1));
        assertTrue(millis.getMessage().contains("exceeds 14 days"), millis.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CertificateRequest.defaults().withValidityDays(0));
    }

    @Test
    void badNamesAreRefusedWithTheReason() {
        IllegalArgumentException san = assertThrows(IllegalArgumentException.class,
                () -> CertificateRequest.defaults().withSubjectAltNames(List.of("localhost", "bad name!")));
        assertTrue(san.getMessage().contains("'bad name!'"), san.getMessage());
        IllegalArgumentException ip = assertThrows(IllegalArgumentException.class,
                () -> CertificateRequest.defaults().withSubjectAltNames(List.of("IP:300.1.1.1")));
        assertTrue(ip.getMessage().contains("not an IPv4 or IPv6 address"), ip.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> CertificateRequest.defaults().withSubjectAltNames(List.of()));
        assertTrue(none.getMessage().contains("at least one"), none.getMessage());
        IllegalArgumentException subject = assertThrows(IllegalArgumentException.class,
                () -> CertificateRequest.defaults().withSubject("XX=what"));
        assertTrue(subject.getMessage().contains("not a distinguished name"), subject.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CertificateRequest.defaults().withSubject(" "));
    }

    @Test
    void opensslReadsCertificateAndKey(@TempDir Path dir) throws Exception {
        ServerCertificate generated = generator.generate(CertificateRequest.defaults(), NOW);
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(cert, generated.certificatePem());
        Files.writeString(key, generated.privateKeyPem());

        String text = Openssl.run("x509", "-noout", "-text", "-in", cert.toString());
        assertTrue(text.contains("Version: 3 (0x2)"), text);
        assertTrue(text.contains("Signature Algorithm: ecdsa-with-SHA256"), text);
        assertTrue(text.contains("prime256v1") || text.contains("P-256"), text);
        assertTrue(text.contains("DNS:localhost, IP Address:127.0.0.1"), text);
        assertTrue(text.contains("CA:FALSE"), text);
        assertTrue(text.contains("Digital Signature"), text);
        assertTrue(text.contains("TLS Web Server Authentication"), text);

        String fingerprint = Openssl.run("x509", "-noout", "-fingerprint", "-sha256", "-in", cert.toString());
        String hex = fingerprint.substring(fingerprint.indexOf('=') + 1).trim().replace(":", "").toLowerCase();
        assertEquals(generated.published().sha256Hex(), hex);

        String keyText = Openssl.run("pkey", "-in", key.toString(), "-noout", "-text");
        assertTrue(keyText.contains("prime256v1") || keyText.contains("P-256"), keyText);
        String keyPublic = Openssl.run("pkey", "-in", key.toString(), "-pubout");
        String certPublic = Openssl.run("x509", "-in", cert.toString(), "-noout", "-pubkey");
        assertEquals(certPublic, keyPublic, "openssl sees the key file's public half in the certificate");

        // openssl signs with our key, the JDK verifies with our certificate: the pair is usable by other tools.
        Path data = dir.resolve("data.bin");
        Files.write(data, "hello".getBytes(StandardCharsets.US_ASCII));
        Path sig = dir.resolve("data.sig");
        Openssl.run("dgst", "-sha256", "-sign", key.toString(), "-out", sig.toString(), data.toString());
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(jdkParse(generated.der()).getPublicKey());
        verifier.update(Files.readAllBytes(data));
        assertTrue(verifier.verify(Files.readAllBytes(sig)));
    }
}
