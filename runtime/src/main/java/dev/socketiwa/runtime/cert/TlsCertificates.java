package dev.socketiwa.runtime.cert;

import java.util.Collections;
import java.util.List;

import org.bouncycastle.crypto.digests.SHA256Digest;

import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.Signer;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsServerConfig;

/**
 * Hands certificates to the TLS engine. A server asks {@link CertificateLifecycle#select} once per new connection and
 * builds that connection's TLS from the answer; the connection keeps it to the end, whatever rotates meanwhile.
 */
public final class TlsCertificates {
    private TlsCertificates() {
    }

    /** A TLS server configuration serving this certificate (add ALPN etc. on the result). */
    public static TlsServerConfig serverConfig(ServerCertificate certificate, CryptoProvider crypto) {
        return new TlsServerConfig(Collections.singletonList(certificate.der()), signer(certificate, crypto));
    }

    /** The certificate's key as the engine's signer (ecdsa_secp256r1_sha256). */
    public static Signer signer(ServerCertificate certificate, CryptoProvider crypto) {
        return crypto.signer(certificate.key().toPkcs8Der());
    }

    /**
     * What a browser's {@code serverCertificateHashes} does, for JVM clients (tools, tests): accept the server's
     * end-entity certificate when its SHA-256 is one of the published hashes. (Browsers also require validity of at
     * most 14 days and ECDSA P-256, which every certificate of this package satisfies.)
     */
    public static CertificateTrust pinnedHashes(List<PublishedCertificate> published) {
        byte[][] pins = new byte[published.size()][];
        for (int i = 0; i < pins.length; i++) {
            pins[i] = published.get(i).sha256();
        }
        return (chain, serverName) -> {
            byte[] der = chain.get(0);
            SHA256Digest digest = new SHA256Digest();
            digest.update(der, 0, der.length);
            byte[] hash = new byte[32];
            digest.doFinal(hash, 0);
            for (byte[] pin : pins) {
                if (java.util.Arrays.equals(pin, hash)) {
                    return true;
                }
            }
            return false;
        };
    }
}
