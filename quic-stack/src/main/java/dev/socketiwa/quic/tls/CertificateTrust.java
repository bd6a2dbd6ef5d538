package dev.socketiwa.quic.tls;

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
}
