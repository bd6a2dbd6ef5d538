package dev.socketiwa.quic.testing;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsClient;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.tls.TlsServer;
import dev.socketiwa.quic.tls.TlsServerConfig;
import dev.socketiwa.quic.transport.TlsFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;

/** The real TLS 1.3 engines with a generated self-signed ECDSA P-256 certificate, for transport tests. */
public final class RealTls {
    private static byte[][] identity;

    private RealTls() {
    }

    /** {certificate DER, PKCS#8 private key}, generated once per test JVM. */
    public static synchronized byte[][] identity() {
        if (identity == null) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair kp = g.generateKeyPair();
                X500Name name = new X500Name("CN=localhost");
                long now = System.currentTimeMillis();
                byte[] der = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(now - 60_000),
                        new Date(now + 86_400_000L), name, kp.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())).getEncoded();
                identity = new byte[][]{der, kp.getPrivate().getEncoded()};
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return identity;
    }

    public static TlsFactory server(CryptoProvider crypto, String alpn, CipherSuite... suites) {
        byte[][] id = identity();
        TlsServerConfig cfg = new TlsServerConfig(List.of(id[0]), crypto.signer(id[1])).alpn(alpn);
        if (suites.length > 0) cfg.cipherSuites(suites);
        return (listener, tp) -> new TlsServer(cfg, crypto, tp, listener);
    }

    public static TlsFactory client(CryptoProvider crypto, String alpn) {
        TlsClientConfig cfg = new TlsClientConfig("localhost", List.of(alpn),
                CertificateTrust.pinned(identity()[0]));
        return (listener, tp) -> {
            TlsClient c = new TlsClient(cfg, crypto, tp, listener);
            c.start();
            return c;
        };
    }
}
