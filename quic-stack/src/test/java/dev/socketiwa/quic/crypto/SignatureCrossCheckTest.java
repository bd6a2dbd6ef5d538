package dev.socketiwa.quic.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our certificate parsing and signatures, checked against the JDK's independent implementation both ways. */
class SignatureCrossCheckTest {
    static java.util.stream.Stream<CryptoProvider> providers() {
        return Providers.both();
    }

    static byte[] selfSigned(KeyPair kp, String alg) throws Exception {
        X500Name n = new X500Name("CN=cross-check");
        return new JcaX509v3CertificateBuilder(n, BigInteger.ONE, new Date(), new Date(System.currentTimeMillis() + 3_600_000L),
                n, kp.getPublic()).build(new JcaContentSignerBuilder(alg).build(kp.getPrivate())).getEncoded();
    }

    static PublicKey jdkKeyOf(byte[] der) throws Exception {
        return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void ecdsaP256BothWays(CryptoProvider p) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        byte[] cert = selfSigned(kp, "SHA256withECDSA");
        byte[] data = "content to sign".getBytes(StandardCharsets.US_ASCII);

        Signer ours = p.signer(kp.getPrivate().getEncoded());
        byte[] sig = ours.sign(data, 0, data.length);
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(jdkKeyOf(cert));
        jdk.update(data);
        assertTrue(jdk.verify(sig), "the JDK accepts our ECDSA signature");

        jdk.initSign(kp.getPrivate());
        jdk.update(data);
        byte[] jdkSig = jdk.sign();
        VerificationKey key = p.publicKeyOf(cert);
        assertNotNull(key);
        assertTrue(key.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, data, 0, data.length, jdkSig), "we accept the JDK's");
        data[0] ^= 1;
        assertFalse(key.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, data, 0, data.length, jdkSig));
        assertFalse(key.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, data, 0, data.length, new byte[] {0x30, 0}));
        assertFalse(key.verify(SignatureScheme.ED25519, data, 0, data.length, jdkSig));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void ed25519BothWays(CryptoProvider p) throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] cert = selfSigned(kp, "Ed25519");
        byte[] data = "content to sign".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = p.signer(kp.getPrivate().getEncoded()).sign(data, 0, data.length);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(jdkKeyOf(cert));
        jdk.update(data);
        assertTrue(jdk.verify(sig));
        jdk.initSign(kp.getPrivate());
        jdk.update(data);
        assertTrue(p.publicKeyOf(cert).verify(SignatureScheme.ED25519, data, 0, data.length, jdk.sign()));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void unreadableInputIsRefusedClearly(CryptoProvider p) {
        assertNull(p.publicKeyOf(new byte[] {0x30, 0x03, 1, 2, 3}));
        assertNull(p.publicKeyOf(new byte[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.signer(new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("PKCS#8"), e.getMessage());
    }
}
