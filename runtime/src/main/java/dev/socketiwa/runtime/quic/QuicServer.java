package dev.socketiwa.runtime.quic;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.tls.EarlyDataFilter;
import dev.socketiwa.quic.tls.RotatingTicketKeys;
import dev.socketiwa.quic.tls.StrikeRegister;
import dev.socketiwa.quic.tls.TlsServer;
import dev.socketiwa.quic.tls.TlsServerConfig;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import dev.socketiwa.quic.transport.CryptoKeys;
import dev.socketiwa.quic.transport.Endpoint;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.app.UdpApp;
import dev.socketiwa.runtime.cert.CertificateLifecycle;
import dev.socketiwa.runtime.cert.PublishedCertificate;
import dev.socketiwa.runtime.cert.TlsCertificates;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.UdpException;
import dev.socketiwa.runtime.udp.UdpTransport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A QUIC server over a {@link UdpTransport}: one thread drives the sans-IO endpoint (receive, timers, send) and hands
 * each connection's events to the handler its ALPN selects. Runs the same on the JVM and in the browser; the caller
 * picks the crypto provider (JCA on the JVM, portable in wasm).
 *
 * <p>Session tickets are on: a returning client resumes and may send its first request in 0-RTT, which the handler
 * then sees before the handshake completes ({@link Connection#isEarlyDataStream} tells such streams apart). Turn 0-RTT
 * off with {@link #earlyData(boolean)} or veto it per service with {@link #earlyDataFilter}.
 *
 * <p>Certificates: one fixed certificate, or a {@link CertificateLifecycle} that rotates WebTransport-style short-lived
 * certificates. Each new connection gets the certificate selected at its handshake and keeps it; the loop runs the
 * lifecycle's maintenance from its own timer, so rotation needs no thread (it runs the same in wasm).
 */
public final class QuicServer implements UdpApp {
    private final CryptoProvider crypto;
    private final QuicConfig config;
    /** Ticket keys rotate daily; a ticket lives at most as long as its key plus one period. */
    private static final long TICKET_KEY_ROTATION_MILLIS = 24 * 3600 * 1000L;
    private final ServerCertificates certificates;
    /** Shared by every certificate's TLS configuration, so a rotation does not end resumption. */
    private final RotatingTicketKeys ticketKeys;
    /** Likewise shared: a ticket's 0-RTT is accepted once whichever certificate the connection gets. */
    private final StrikeRegister strikeRegister = new StrikeRegister(65_536);
    private boolean earlyData = true;
    private EarlyDataFilter earlyDataFilter;
    private final Map<String, Supplier<QuicHandler>> services;
    private volatile boolean stopped;
    private volatile long handshakesCompleted;
    private UdpEndpoint local;

    /**
     * @param certificateDer the server certificate (ECDSA P-256 or Ed25519)
     * @param pkcs8Key       its private key
     * @param services       ALPN protocol name to handler factory, in server preference order
     */
    public QuicServer(CryptoProvider crypto, QuicConfig config, byte[] certificateDer, byte[] pkcs8Key,
                      Map<String, Supplier<QuicHandler>> services, CipherSuite... suitePreference) {
        if (services.isEmpty()) throw new IllegalArgumentException("a QUIC server needs at least one ALPN service");
        this.crypto = crypto;
        this.config = config;
        this.services = new LinkedHashMap<>(services);
        this.ticketKeys = new RotatingTicketKeys(crypto, TICKET_KEY_ROTATION_MILLIS);
        this.certificates = new ServerCertificates(
                tlsConfig(new TlsServerConfig(List.of(certificateDer), crypto.signer(pkcs8Key)), suitePreference),
                certificateDer);
    }

    /**
     * A server whose certificates come from a lifecycle (started here if the app has not started it): new connections
     * get {@link CertificateLifecycle#select}'s answer at their handshake, and the loop calls
     * {@link CertificateLifecycle#maintain} when {@link CertificateLifecycle#nextTransitionMillis} comes, on the
     * lifecycle's clock (read here once: set a test clock on the lifecycle before constructing the server).
     */
    public QuicServer(CryptoProvider crypto, QuicConfig config, CertificateLifecycle certificates,
                      Map<String, Supplier<QuicHandler>> services, CipherSuite... suitePreference) {
        if (services.isEmpty()) throw new IllegalArgumentException("a QUIC server needs at least one ALPN service");
        if (certificates == null) throw new IllegalArgumentException("a certificate lifecycle is required");
        this.crypto = crypto;
        this.config = config;
        this.services = new LinkedHashMap<>(services);
        this.ticketKeys = new RotatingTicketKeys(crypto, TICKET_KEY_ROTATION_MILLIS);
        this.certificates = new ServerCertificates(certificates,
                c -> tlsConfig(TlsCertificates.serverConfig(c, crypto), suitePreference));
    }

    private TlsServerConfig tlsConfig(TlsServerConfig t, CipherSuite[] suitePreference) {
        t.alpn(services.keySet().toArray(new String[0]));
        if (suitePreference.length > 0) t.cipherSuites(suitePreference);
        t.sessionTickets(ticketKeys);
        t.strikeRegister(strikeRegister);
        t.earlyData(earlyData);
        if (earlyDataFilter != null) t.earlyDataFilter(earlyDataFilter);
        return t;
    }

    /**
     * The certificate hashes clients should pin now (WebTransport {@code serverCertificateHashes}): the current one, and
     * the next one too during a rotation overlap. See CertificateHashes for the JSON and client snippet forms.
     */
    public List<PublishedCertificate> publishedHashes() {
        return certificates.published();
    }

    /**
     * Told the published hashes now (if any) and whenever they change (rotation start, switch, expiry). Runs on the
     * thread that noticed the change, usually the server loop: keep it short, never block.
     */
    public void addHashesListener(CertificateLifecycle.HashesListener listener) {
        certificates.addListener(listener);
    }

    /**
     * Connections whose handshake completed so far: the client accepted the certificate (for a pinning client, its
     * hash) and proved its Finished. For status pages and tests.
     */
    public long handshakesCompleted() {
        return handshakesCompleted;
    }

    /** How many TLS configurations were built: one per certificate served, never one per connection. */
    int tlsConfigsBuilt() {
        return certificates.configsBuilt();
    }

    /** Whether resumed clients may send 0-RTT (default on). Call before {@link #serve}. */
    public QuicServer earlyData(boolean enabled) {
        earlyData = enabled;
        certificates.forEachBuilt(t -> t.earlyData(enabled));
        return this;
    }

    /** Refuses 0-RTT for the services (ALPN) whose requests are not safe to replay. Call before {@link #serve}. */
    public QuicServer earlyDataFilter(EarlyDataFilter filter) {
        earlyDataFilter = filter;
        certificates.forEachBuilt(t -> t.earlyDataFilter(filter));
        return this;
    }

    /** How long a stop waits for handlers to finish what is under way (e.g. HTTP/3 requests after GOAWAY). */
    public static final long SHUTDOWN_GRACE_NANOS = 1_000_000_000L;

    /**
     * Stops serving (from any thread): handlers hear {@link QuicHandler#onShutdown} (HTTP/3 sends GOAWAY), the loop
     * runs until they are idle or a grace period passed, then every connection is closed gracefully and
     * {@link #serve} returns.
     */
    public void stop() {
        stopped = true;
    }

    /** The ALPN names served, in preference order. */
    public List<String> alpns() {
        return List.copyOf(services.keySet());
    }

    /** The bound address once serving (null before). */
    public UdpEndpoint localEndpoint() {
        return local;
    }

    @Override
    public void serve(UdpTransport udp) {
        local = udp.localEndpoint();
        byte[] secret = new byte[32];
        crypto.random().nextBytes(secret, 0, secret.length);
        Endpoint endpoint = new Endpoint(config, (listener, tp) -> new TlsServer(certificates.forNewConnection(), crypto, tp, listener),
                new CryptoKeys(crypto), (b, off, len) -> crypto.random().nextBytes(b, off, len), secret, 100_000);
        Map<Connection, QuicHandler> handlers = new HashMap<>();
        List<Connection> connections = new ArrayList<>();
        byte[] rx = new byte[65536];
        byte[] tx = new byte[65536];
        long shutdownDeadline = 0;
        try {
            while (true) {
                if (stopped) {
                    long t = System.nanoTime();
                    if (shutdownDeadline == 0) {
                        shutdownDeadline = t + SHUTDOWN_GRACE_NANOS;
                        for (Connection conn : connections) {
                            QuicHandler h = handlers.get(conn);
                            if (h != null) h.onShutdown(conn);
                        }
                        // this turn still sends what onShutdown queued (GOAWAY) before any close
                    } else if (t - shutdownDeadline >= 0 || allIdle(connections, handlers)) {
                        closeAll(connections, handlers, endpoint, udp, tx);
                        break;
                    }
                }
                long now = System.nanoTime();
                long next = endpoint.nextTimeout();
                long waitMillis = next == Long.MAX_VALUE ? 100 : Math.max(0, Math.min(100, (next - now + 999_999) / 1_000_000));
                waitMillis = Math.min(waitMillis, certificates.maintainIfDue());
                int n = udp.receive(rx, 0, rx.length, waitMillis);
                now = System.nanoTime();
                // Take what is queued in one go before sending: ACKs then cover more packets.
                for (int batch = 0; n >= 0 && batch < 64; batch++) {
                    endpoint.handleDatagram(now, rx, 0, n, udp.sender());
                    n = udp.receive(rx, 0, rx.length, 0);
                }
                if (endpoint.nextTimeout() <= now) endpoint.handleTimeout(now);
                Connection c;
                while ((c = endpoint.accept()) != null) connections.add(c);
                for (int i = 0; i < connections.size(); i++) {
                    Connection conn = connections.get(i);
                    dispatch(conn, handlers);
                    if (conn.isClosed()) {
                        handlers.remove(conn);
                        connections.set(i, connections.get(connections.size() - 1));
                        connections.remove(connections.size() - 1);
                        i--;
                    }
                }
                int len;
                while ((len = endpoint.pollTransmit(now, tx)) > 0) {
                    udp.send(tx, 0, len, (UdpEndpoint) endpoint.transmitRemote());
                }
            }
        } catch (UdpException e) {
            if (!stopped) throw e;
        }
    }

    private static boolean allIdle(List<Connection> connections, Map<Connection, QuicHandler> handlers) {
        for (Connection conn : connections) {
            QuicHandler h = handlers.get(conn);
            if (h != null && !h.isIdle(conn)) return false;
        }
        return true;
    }

    /** Closes every connection with its handler's "no error" code and sends the CONNECTION_CLOSE packets once. */
    private static void closeAll(List<Connection> connections, Map<Connection, QuicHandler> handlers, Endpoint endpoint,
                                 UdpTransport udp, byte[] tx) {
        long now = System.nanoTime();
        for (Connection conn : connections) {
            QuicHandler h = handlers.get(conn);
            if (!conn.isClosed()) conn.close(now, h != null ? h.noErrorCode() : 0, "server stopping");
        }
        int len;
        while ((len = endpoint.pollTransmit(now, tx)) > 0) {
            udp.send(tx, 0, len, (UdpEndpoint) endpoint.transmitRemote());
        }
    }

    private void dispatch(Connection conn, Map<Connection, QuicHandler> handlers) {
        QuicHandler h = handlers.get(conn);
        ConnectionEvent e;
        while ((e = conn.pollEvent()) != null) {
            if (e.kind == ConnectionEvent.Kind.HANDSHAKE_COMPLETE) handshakesCompleted++; // only the loop thread writes it
            // With accepted 0-RTT the client's streams arrive before the handshake completes: the handler starts then.
            if ((e.kind == ConnectionEvent.Kind.HANDSHAKE_COMPLETE || e.kind == ConnectionEvent.Kind.EARLY_DATA_ACCEPTED)
                    && h == null) {
                Supplier<QuicHandler> s = services.get(conn.alpn());
                if (s == null) {
                    conn.close(System.nanoTime(), 0, "no service for ALPN " + conn.alpn());
                    continue;
                }
                h = s.get();
                handlers.put(conn, h);
                // A handler started by 0-RTT learns so; it later sees HANDSHAKE_COMPLETE (replays can no longer pass).
                if (e.kind == ConnectionEvent.Kind.EARLY_DATA_ACCEPTED) h.onEvent(conn, e);
            } else if (h != null) {
                h.onEvent(conn, e);
            }
        }
        if (h != null) h.service(conn);
    }
}
