package dev.socketiwa.runtime.quic;

import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.tls.SessionTicket;
import dev.socketiwa.quic.tls.TlsClient;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import dev.socketiwa.quic.transport.CryptoKeys;
import dev.socketiwa.quic.transport.Endpoint;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.UdpTransport;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A QUIC client over a {@link UdpTransport}, driven by the caller's thread through {@link #runUntil}. */
public final class QuicClient {
    private final CryptoProvider crypto;
    private final UdpTransport udp;
    private final Endpoint endpoint;
    private final byte[] rx = new byte[65536];
    private final byte[] tx = new byte[65536];

    public QuicClient(CryptoProvider crypto, QuicConfig config, UdpTransport udp) {
        this.crypto = crypto;
        this.udp = udp;
        byte[] secret = new byte[32];
        crypto.random().nextBytes(secret, 0, 32);
        this.endpoint = new Endpoint(config, null, new CryptoKeys(crypto),
                (b, off, len) -> crypto.random().nextBytes(b, off, len), secret, 1000);
    }

    public Connection connect(UdpEndpoint server, TlsClientConfig tls) {
        return connect(server, tls, null);
    }

    /**
     * With a ticket from an earlier connection (its SESSION_TICKET event) the handshake resumes, and when the ticket
     * allows, streams can be opened and written at once: they go in 0-RTT ({@link Connection#canSendEarlyData()}).
     */
    public Connection connect(UdpEndpoint server, TlsClientConfig tls, SessionTicket ticket) {
        return endpoint.connect(System.nanoTime(), (listener, tp) -> {
            TlsClient c = new TlsClient(tls, crypto, tp, listener, ticket);
            c.start();
            return c;
        }, server);
    }

    /**
     * Whether a server at this address gave us a NEW_TOKEN token that the next {@link #connect} to it will present
     * (skipping a Retry round trip when that server validates addresses).
     */
    public boolean hasTokenFor(UdpEndpoint server) {
        return endpoint.storedToken(server) != null;
    }

    /**
     * Moves datagrams and timers until done() holds or timeoutMillis pass; events of every connection go to the
     * consumer after each turn (the consumer may call done()'s inputs). Returns done().
     */
    public boolean runUntil(Connection conn, BooleanSupplier done, long timeoutMillis, Consumer<ConnectionEvent> events) {
        return runUntil(conn, done, timeoutMillis, events, null);
    }

    /**
     * As {@link #runUntil(Connection, BooleanSupplier, long, Consumer)}, with eachTurn called once per turn after the
     * events, before datagrams go out: where a protocol layer pushes what did not fit before (HTTP/3's service()).
     */
    public boolean runUntil(Connection conn, BooleanSupplier done, long timeoutMillis, Consumer<ConnectionEvent> events,
            Runnable eachTurn) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            long now = System.nanoTime();
            int len;
            while ((len = endpoint.pollTransmit(now, tx)) > 0) {
                udp.send(tx, 0, len, (UdpEndpoint) endpoint.transmitRemote());
            }
            ConnectionEvent e;
            while ((e = conn.pollEvent()) != null) events.accept(e);
            if (eachTurn != null) eachTurn.run();
            while ((len = endpoint.pollTransmit(now, tx)) > 0) {
                udp.send(tx, 0, len, (UdpEndpoint) endpoint.transmitRemote());
            }
            if (done.getAsBoolean()) return true;
            if (now >= deadline) return false;
            long next = Math.min(endpoint.nextTimeout(), deadline);
            long wait = Math.max(0, Math.min(50, (next - now + 999_999) / 1_000_000));
            int n = udp.receive(rx, 0, rx.length, wait);
            now = System.nanoTime();
            for (int batch = 0; n >= 0 && batch < 64; batch++) {
                endpoint.handleDatagram(now, rx, 0, n, udp.sender());
                n = udp.receive(rx, 0, rx.length, 0);
            }
            if (endpoint.nextTimeout() <= now) endpoint.handleTimeout(now);
        }
    }
}
