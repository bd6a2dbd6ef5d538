package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.testing.EchoServerApp;
import dev.socketiwa.quic.testing.FakeTls;
import dev.socketiwa.quic.testing.SimNetwork;
import dev.socketiwa.quic.testing.TestCrypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A client and an echo server endpoint on one simulated network, everything derived from one seed. */
final class Pair {
    final SimNetwork net;
    final QuicConfig config;
    final Endpoint server;
    final Endpoint client;
    final EchoServerApp echo;
    final FakeTls.Factory clientTls;
    final TlsFactory serverTls;
    final Connection conn;
    final List<ConnectionEvent> clientEvents = new ArrayList<>();

    Pair(long seed, QuicConfig config) {
        this(seed, config, FakeTls.client(seed), FakeTls.server(), TestCrypto::initialKeys);
    }

    Pair(long seed, QuicConfig config, TlsFactory clientFactory, TlsFactory serverFactory, InitialKeysFactory keys) {
        this.config = config;
        this.serverTls = serverFactory;
        this.clientTls = clientFactory instanceof FakeTls.Factory ? (FakeTls.Factory) clientFactory : null;
        net = new SimNetwork(seed);
        Random r = new Random(seed * 31 + 7);
        Randomness random = (b, off, len) -> {
            byte[] t = new byte[len];
            r.nextBytes(t);
            System.arraycopy(t, 0, b, off, len);
        };
        server = new Endpoint(config, serverTls, keys, random, "server secret".getBytes(), 1000);
        client = new Endpoint(config, null, keys, random, "client secret".getBytes(), 1000);
        echo = new EchoServerApp(server);
        net.add("server", server);
        net.add("client", client);
        net.app(echo);
        conn = client.connect(net.now, clientFactory, "server");
        net.app(now -> drainClientEvents());
    }

    Pair(long seed) {
        this(seed, new QuicConfig());
    }

    Connection serverConn() {
        return echo.connections.isEmpty() ? null : echo.connections.get(0);
    }

    /** Collects the client's events (tests that drive streams poll them themselves). */
    void drainClientEvents() {
        ConnectionEvent e;
        while ((e = conn.pollEvent()) != null) clientEvents.add(e);
    }

    boolean handshake(long maxNanos) {
        return net.runUntil(() -> conn.isHandshakeConfirmed() && serverConn() != null && serverConn().isHandshakeConfirmed(), maxNanos);
    }

    ConnectionEvent clientClose() {
        drainClientEvents();
        for (ConnectionEvent e : clientEvents) if (e.kind == ConnectionEvent.Kind.CLOSED) return e;
        return null;
    }

    ConnectionEvent serverClose() {
        echo.step(net.now);
        return echo.closeEvents.isEmpty() ? null : echo.closeEvents.get(0);
    }
}
