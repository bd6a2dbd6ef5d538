package dev.socketiwa.quic.tls;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed certificates made with the JDK's key generators and BC's certificate builder (test scope only). */
final class TestCertificates {
    record Identity(byte[] certificate, byte[] pkcs8, KeyPair keyPair, String signatureAlgorithm) {
    }

    private TestCertificates() {
    }

    static Identity ecdsaP256() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return selfSigned(g.generateKeyPair(), "SHA256withECDSA");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Identity ed25519() {
        try {
            return selfSigned(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), "Ed25519");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Identity selfSigned(KeyPair kp, String alg) throws Exception {
        X500Name name = new X500Name("CN=localhost");
        long now = System.currentTimeMillis();
        byte[] der = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now), new Date(now - 60_000),
                new Date(now + 86_400_000L), name, kp.getPublic())
                .build(new JcaContentSignerBuilder(alg).build(kp.getPrivate())).getEncoded();
        return new Identity(der, kp.getPrivate().getEncoded(), kp, alg);
    }
}
