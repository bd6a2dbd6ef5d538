package dev.socketiwa.quic.tls;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.NamedGroup;
import dev.socketiwa.quic.crypto.Signer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a TLS server offers. Shared by all connections of an endpoint (read-only after setup).
 *
 * <p>Preferences are the server's (RFC 7301 and RFC 8446 let the server choose): the first of {@link #alpn()} the
 * client also offers wins, likewise for cipher suites and key-exchange groups. The browser build should put
 * TLS_CHACHA20_POLY1305_SHA256 first (it is the fast suite in software); the JVM default keeps AES-128-GCM first.
 */
public final class TlsServerConfig {
    private final List<byte[]> certificateChain;
    private final Signer signer;
    private List<String> alpn = List.of();
    private List<CipherSuite> cipherSuites = List.of(CipherSuite.TLS_AES_128_GCM_SHA256,
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384);
    private List<NamedGroup> groups = List.of(NamedGroup.X25519, NamedGroup.SECP256R1);
    private boolean requestClientCertificate;
    private TicketSealer ticketSealer;
    private long ticketLifetimeSeconds = 24 * 3600;
    private boolean earlyData = true;
    private EarlyDataFilter earlyDataFilter;
    private long earlyDataAgeToleranceMillis = 10_000;
    private StrikeRegister strikeRegister = new StrikeRegister(65_536);
    private WallClock clock = WallClock.SYSTEM;

    /**
     * @param certificateChain DER certificates, end-entity first
     * @param signer the end-entity certificate's private key (see CryptoProvider.signer)
     */
    public TlsServerConfig(List<byte[]> certificateChain, Signer signer) {
        if (certificateChain == null || certificateChain.isEmpty()) {
            throw new IllegalArgumentException("a TLS server needs at least one certificate (end-entity first)");
        }
        if (signer == null) {
            throw new IllegalArgumentException("a TLS server needs the certificate's private key (a Signer)");
        }
        this.certificateChain = Collections.unmodifiableList(new ArrayList<>(certificateChain));
        this.signer = signer;
    }

    public TlsServerConfig alpn(String... protocols) {
        this.alpn = List.of(protocols);
        return this;
    }

    public TlsServerConfig cipherSuites(CipherSuite... suites) {
        if (suites.length == 0) {
            throw new IllegalArgumentException("at least one cipher suite is needed");
        }
        this.cipherSuites = List.of(suites);
        return this;
    }

    /**
     * Puts ChaCha20-Poly1305 first, keeping the rest in order: the right choice for the browser (wasm) build, where
     * there is no AES hardware and ChaCha20 runs about twice as fast in software.
     */
    public TlsServerConfig preferChaCha20() {
        List<CipherSuite> order = new ArrayList<>();
        order.add(CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
        for (CipherSuite s : cipherSuites) {
            if (s != CipherSuite.TLS_CHACHA20_POLY1305_SHA256) {
                order.add(s);
            }
        }
        this.cipherSuites = List.copyOf(order);
        return this;
    }

    public TlsServerConfig groups(NamedGroup... groups) {
        if (groups.length == 0) {
            throw new IllegalArgumentException("at least one key exchange group is needed");
        }
        this.groups = List.of(groups);
        return this;
    }

    /**
     * Sends a CertificateRequest. Client authentication itself is not implemented yet: the client must answer with
     * an empty Certificate (as ours does), a non-empty one is refused with unsupported_certificate. Exists so peers
     * that do request certificates are exercised in tests.
     */
    public TlsServerConfig requestClientCertificate() {
        this.requestClientCertificate = true;
        return this;
    }

    /**
     * Issues a session ticket after each handshake and accepts resumption (PSK with (EC)DHE) with the tickets this
     * sealer opens. Without it the server sends no tickets and ignores offered PSKs.
     */
    public TlsServerConfig sessionTickets(TicketSealer sealer) {
        this.ticketSealer = sealer;
        return this;
    }

    /** How long a ticket may be used, at most 7 days (RFC 8446 §4.6.1). */
    public TlsServerConfig ticketLifetimeSeconds(long seconds) {
        if (seconds <= 0 || seconds > 7 * 24 * 3600) {
            throw new IllegalArgumentException("ticket lifetime must be 1 s to 7 days (RFC 8446 §4.6.1), got " + seconds);
        }
        this.ticketLifetimeSeconds = seconds;
        return this;
    }

    /** Whether resumed clients may send 0-RTT data (on by default once tickets are on); tickets then say so too. */
    public TlsServerConfig earlyData(boolean enabled) {
        this.earlyData = enabled;
        return this;
    }

    /** The application's veto on 0-RTT, e.g. for services whose requests are not safe to replay. */
    public TlsServerConfig earlyDataFilter(EarlyDataFilter filter) {
        this.earlyDataFilter = filter;
        return this;
    }

    /** How far the client's ticket age may differ from ours before 0-RTT is refused (RFC 8446 §8.3). */
    public TlsServerConfig earlyDataAgeTolerance(long millis) {
        this.earlyDataAgeToleranceMillis = millis;
        return this;
    }

    /** Replaces the anti-replay register (e.g. a larger one); shared by all connections of the server. */
    public TlsServerConfig strikeRegister(StrikeRegister register) {
        this.strikeRegister = register;
        return this;
    }

    public TlsServerConfig clock(WallClock clock) {
        this.clock = clock;
        return this;
    }

    public TicketSealer ticketSealer() {
        return ticketSealer;
    }

    public long ticketLifetimeSeconds() {
        return ticketLifetimeSeconds;
    }

    public boolean earlyDataEnabled() {
        return earlyData;
    }

    public EarlyDataFilter earlyDataFilter() {
        return earlyDataFilter;
    }

    public long earlyDataAgeToleranceMillis() {
        return earlyDataAgeToleranceMillis;
    }

    public StrikeRegister strikeRegister() {
        return strikeRegister;
    }

    public WallClock clock() {
        return clock;
    }

    public boolean requestsClientCertificate() {
        return requestClientCertificate;
    }

    public List<byte[]> certificateChain() {
        return certificateChain;
    }

    public Signer signer() {
        return signer;
    }

    public List<String> alpn() {
        return alpn;
    }

    public List<CipherSuite> cipherSuites() {
        return cipherSuites;
    }

    public List<NamedGroup> groups() {
        return groups;
    }
}
