package dev.socketiwa.quic.tls;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.NamedGroup;
import dev.socketiwa.quic.crypto.SignatureScheme;
import java.util.List;

/** What a TLS client offers. Read-only after setup; may be shared by connections. */
public final class TlsClientConfig {
    private final String serverName;
    private final List<String> alpn;
    private final CertificateTrust trust;
    private List<CipherSuite> cipherSuites = List.of(CipherSuite.TLS_AES_128_GCM_SHA256,
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384);
    private List<NamedGroup> groups = List.of(NamedGroup.X25519, NamedGroup.SECP256R1);
    private List<NamedGroup> keyShareGroups = List.of(NamedGroup.X25519);
    private List<SignatureScheme> signatureSchemes = List.of(SignatureScheme.ECDSA_SECP256R1_SHA256,
            SignatureScheme.ED25519, SignatureScheme.RSA_PSS_RSAE_SHA256);
    private boolean earlyData = true;
    private WallClock clock = WallClock.SYSTEM;

    /**
     * @param serverName host name for server_name (SNI), or null to send none (e.g. when connecting to an IP address)
     * @param alpn protocols in preference order; QUIC requires at least one (RFC 9001 §8.1)
     * @param trust how the server's certificate is accepted
     */
    public TlsClientConfig(String serverName, List<String> alpn, CertificateTrust trust) {
        if (alpn == null || alpn.isEmpty()) {
            throw new IllegalArgumentException("QUIC needs at least one ALPN protocol (RFC 9001 §8.1)");
        }
        if (trust == null) {
            throw new IllegalArgumentException("choose how the server certificate is trusted (CertificateTrust)");
        }
        this.serverName = serverName;
        this.alpn = List.copyOf(alpn);
        this.trust = trust;
    }

    public TlsClientConfig cipherSuites(CipherSuite... suites) {
        this.cipherSuites = List.of(suites);
        return this;
    }

    /** Groups offered in supported_groups. */
    public TlsClientConfig groups(NamedGroup... groups) {
        this.groups = List.of(groups);
        return this;
    }

    /** Groups for which the first ClientHello already carries a key share (must be a subset of groups). */
    public TlsClientConfig keyShareGroups(NamedGroup... groups) {
        this.keyShareGroups = List.of(groups);
        return this;
    }

    public TlsClientConfig signatureSchemes(SignatureScheme... schemes) {
        this.signatureSchemes = List.of(schemes);
        return this;
    }

    /** Whether a resumption whose ticket allows it offers 0-RTT (default true). */
    public TlsClientConfig earlyData(boolean enabled) {
        this.earlyData = enabled;
        return this;
    }

    public TlsClientConfig clock(WallClock clock) {
        this.clock = clock;
        return this;
    }

    public boolean earlyDataEnabled() {
        return earlyData;
    }

    public WallClock clock() {
        return clock;
    }

    public String serverName() {
        return serverName;
    }

    public List<String> alpn() {
        return alpn;
    }

    public CertificateTrust trust() {
        return trust;
    }

    public List<CipherSuite> cipherSuites() {
        return cipherSuites;
    }

    public List<NamedGroup> groups() {
        return groups;
    }

    public List<NamedGroup> keyShareGroups() {
        return keyShareGroups;
    }

    public List<SignatureScheme> signatureSchemes() {
        return signatureSchemes;
    }
}
