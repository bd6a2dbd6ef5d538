package dev.socketiwa.bench.quic;

import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.quic.QuicClient;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Our QUIC client (runtime's QuicClient with the JCA provider) on its own loopback socket: the client side of the
 * handshake and echo measurements. The servers are benchmark targets with throw-away self-signed certificates, so
 * every certificate is accepted (loopback only: targets are checked by LoopbackTarget before they get here).
 */
final class ClientConnections implements AutoCloseable {
    private final DatagramChannelTransport udp;
    private final QuicClient client;
    private final UdpEndpoint server;
    private final TlsClientConfig tls;

    ClientConnections(InetSocketAddress target, String alpn) {
        String host = target.getAddress().getHostAddress();
        udp = DatagramChannelTransport.bind(UdpEndpoint.of(host.contains(":") ? "::1" : "127.0.0.1", 0));
        client = new QuicClient(new JcaCryptoProvider(), new QuicConfig(), udp);
        server = UdpEndpoint.of(host, target.getPort());
        tls = new TlsClientConfig("localhost", List.of(alpn), CertificateTrust.ACCEPT_ANY);
    }

    /** Starts a handshake and drives it until confirmed (HANDSHAKE_DONE seen); null when it did not finish in time. */
    Connection handshake(long timeoutMillis) {
        Connection c = client.connect(server, tls);
        return client.runUntil(c, c::isHandshakeConfirmed, timeoutMillis, e -> { }) ? c : null;
    }

    /** Starts a handshake without driving it: the caller runs the connection with its own event handling. */
    Connection connect() {
        return client.connect(server, tls);
    }

    /** As runUntil, with eachTurn called once per turn (HTTP/3's service()). */
    boolean runUntil(Connection c, java.util.function.BooleanSupplier done, long timeoutMillis,
                     java.util.function.Consumer<ConnectionEvent> events, Runnable eachTurn) {
        return client.runUntil(c, done, timeoutMillis, events, eachTurn);
    }

    /** Queues CONNECTION_CLOSE and sends it now; the connection drains in the background of later calls. */
    void closeQuickly(Connection c) {
        c.close(System.nanoTime(), 0, "");
        client.runUntil(c, () -> true, 0, e -> { });
    }

    /** Runs the client until done holds or the timeout passes. */
    boolean runUntil(Connection c, java.util.function.BooleanSupplier done, long timeoutMillis,
                     java.util.function.Consumer<ConnectionEvent> events) {
        return client.runUntil(c, done, timeoutMillis, events);
    }

    @Override
    public void close() {
        udp.close();
    }
}
