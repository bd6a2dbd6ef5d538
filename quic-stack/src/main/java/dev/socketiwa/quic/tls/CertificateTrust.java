package dev.socketiwa.quic.tls;

import dev.socketiwa.quic.crypto.CryptoProvider;
import java.util.Arrays;
import java.util.List;

/**
 * Decides whether a client accepts the server's certificate chain (the signature over the handshake is checked
 * separately). There is deliberately no default: callers choose a pin, their own PKIX check, or, in tests, ACCEPT_ANY.
 */
public interface CertificateTrust {
    /** @param chain DER certificates, end-entity first; never empty */
    boolean trusted(List<byte[]> chain, String serverName);

    /** Accepts every certificate: for tests and loopback tools only. */
    CertificateTrust ACCEPT_ANY = (chain, serverName) -> true;

    /** Accepts exactly this end-entity certificate (DER). */
    static CertificateTrust pinned(byte[] certificateDer) {
        byte[] pin = certificateDer.clone();
        return (chain, serverName) -> Arrays.equals(chain.get(0), pin);
    }

    /**
     * Accepts an end-entity certificate whose SHA-256 over the DER is one of the given hashes: the rule browsers
     * apply for WebTransport's serverCertificateHashes.
     */
    static CertificateTrust pinnedSha256(CryptoProvider crypto, List<byte[]> sha256Hashes) {
        List<byte[]> pins = sha256Hashes.stream().map(byte[]::clone).toList();
        return (chain, serverName) -> {
            byte[] der = chain.get(0);
            byte[] h = crypto.hash(32, der, 0, der.length);
            for (byte[] pin : pins) {
                if (Arrays.equals(pin, h)) {
                    return true;
                }
            }
            return false;
        };
    }
}
