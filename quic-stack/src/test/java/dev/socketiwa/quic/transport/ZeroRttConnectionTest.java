package dev.socketiwa.quic.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.Providers;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.testing.EchoServerApp;
import dev.socketiwa.quic.testing.RealTls;
import dev.socketiwa.quic.testing.SimNetwork;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.RotatingTicketKeys;
import dev.socketiwa.quic.tls.SessionTicket;
import dev.socketiwa.quic.tls.TlsClient;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.tls.TlsServer;
import dev.socketiwa.quic.tls.TlsServerConfig;
import dev.socketiwa.quic.tls.WallClock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Session resumption and 0-RTT through the transport, with the real TLS engines on the simulated network. */
class ZeroRttConnectionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long ONE_WAY = 50_000_000L;
    private static final byte[] HELLO = "hello from 0-RTT".getBytes(StandardCharsets.US_ASCII);

    /** One echo server (tickets on) and a client endpoint on one simulated network with a 50 ms one-way delay. */
    static final class World {
        final SimNetwork net;
        final CryptoProvider crypto;
        final TlsServerConfig serverConfig;
        final Endpoint server;
        final Endpoint client;
        final EchoServerApp echo;
        final WallClock clock;
        final List<byte[]> clientDatagrams = new ArrayList<>();

        World(long seed) {
            this(seed, new QuicConfig());
        }

        World(long seed, QuicConfig config) {
            net = new SimNetwork(seed);
            net.delay = ONE_WAY;
            crypto = new JcaCryptoProvider(Providers.seeded(seed));
            clock = () -> net.now / 1_000_000L;
            byte[][] id = RealTls.identity();
            serverConfig = new TlsServerConfig(List.of(id[0]), crypto.signer(id[1])).alpn("echo")
                    .sessionTickets(new RotatingTicketKeys(crypto, 3_600_000L)).clock(clock);
            Random r = new Random(seed * 31 + 7);
            Randomness random = (b, off, len) -> {
                byte[] t = new byte[len];
                r.nextBytes(t);
                System.arraycopy(t, 0, b, off, len);
            };
            server = new Endpoint(config, (listener, tp) -> new TlsServer(serverConfig, crypto, tp, listener),
                    new CryptoKeys(crypto), random, "server secret".getBytes(), 1000);
            client = new Endpoint(config, null, new CryptoKeys(crypto), random, "client secret".getBytes(), 1000);
            echo = new EchoServerApp(server);
            net.add("server", server);
            net.add("client", client);
            net.alias("attacker", "client");
            net.app(echo);
            net.observer = d -> {
                if (d.from.equals("client")) clientDatagrams.add(d.data.clone()); // the receiver decrypts in place
            };
        }

        Connection connect(SessionTicket ticket) {
            TlsClientConfig cfg = new TlsClientConfig("localhost", List.of("echo"),
                    CertificateTrust.pinned(RealTls.identity()[0])).clock(clock);
            return client.connect(net.now, (listener, tp) -> {
                TlsClient c = new TlsClient(cfg, crypto, tp, listener, ticket);
                c.start();
                return c;
            }, "server");
        }
    }

    /** Sends HELLO on a new stream and collects the echo; records when the first echo byte arrived. */
    static final class OneEcho implements SimNetwork.App {
        final Connection conn;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final List<ConnectionEvent> events = new ArrayList<>();
        long stream = -1;
        long firstByteAt = -1;
        boolean sentBeforeHandshake;
        boolean done;

        OneEcho(Connection conn) {
            this.conn = conn;
        }

        @Override
        public void step(long now) {
            ConnectionEvent e;
            while ((e = conn.pollEvent()) != null) events.add(e);
            if (stream < 0) {
                stream = conn.openStream(true);
                if (stream >= 0) {
                    sentBeforeHandshake = !conn.isHandshakeComplete();
                    assertEquals(HELLO.length, conn.write(stream, HELLO, 0, HELLO.length));
                    conn.finish(stream);
                }
            }
            if (stream >= 0 && !done) {
                byte[] b = new byte[256];
                int n;
                while ((n = conn.read(stream, b, 0, b.length)) > 0) {
                    if (firstByteAt < 0) firstByteAt = now;
                    received.write(b, 0, n);
                }
                if (n < 0) done = true;
            }
        }

        SessionTicket ticket() {
            for (ConnectionEvent e : events) {
                if (e.kind == ConnectionEvent.Kind.SESSION_TICKET) return SessionTicket.fromBytes(e.data);
            }
            return null;
        }

        boolean saw(ConnectionEvent.Kind kind) {
            for (ConnectionEvent e : events) if (e.kind == kind) return true;
            return false;
        }
    }

    private static OneEcho run(World w, SessionTicket ticket) {
        long start = w.net.now;
        OneEcho app = new OneEcho(w.connect(ticket));
        app.step(w.net.now); // a client app writes as soon as it connects
        w.net.app(app);
        assertTrue(w.net.runUntil(() -> app.done && app.ticket() != null, 10 * SECOND), "echo + ticket: " + app.events);
        assertArrayEquals(HELLO, app.received.toByteArray());
        app.firstByteAt -= start;
        return app;
    }

    @Test
    void secondConnectionSendsInZeroRttAndGetsTheEchoOneRoundTripEarlier() {
        World w = new World(1);
        OneEcho full = run(w, null);
        assertFalse(full.sentBeforeHandshake);
        assertEquals(0, full.conn.zeroRttPacketsSent());
        SessionTicket ticket = full.ticket();
        assertTrue(ticket.allowsEarlyData());

        OneEcho resumed = run(w, SessionTicket.fromBytes(ticket.toBytes()));
        assertTrue(resumed.sentBeforeHandshake, "written before the handshake completed");
        assertTrue(resumed.conn.isEarlyDataAccepted());
        assertTrue(resumed.saw(ConnectionEvent.Kind.EARLY_DATA_ACCEPTED));
        assertTrue(resumed.conn.zeroRttPacketsSent() > 0);
        Connection serverSide = w.echo.connections.get(1);
        assertTrue(serverSide.zeroRttPacketsReceived() > 0);
        assertTrue(serverSide.isEarlyDataAccepted());
        // Round trips, not speed: the full handshake answers after 2 RTT, 0-RTT after 1 (virtual time, 50 ms each way).
        long rtt = 2 * ONE_WAY;
        assertTrue(full.firstByteAt >= 2 * rtt, "full handshake first byte at " + full.firstByteAt);
        assertTrue(resumed.firstByteAt < rtt + rtt / 2, "0-RTT first byte at " + resumed.firstByteAt);
    }

    @Test
    void rejectedZeroRttIsResentAtOneRtt() {
        World w = new World(2);
        SessionTicket ticket = run(w, null).ticket();
        w.serverConfig.earlyData(false);
        OneEcho resumed = run(w, ticket);
        assertTrue(resumed.sentBeforeHandshake);
        assertTrue(resumed.conn.zeroRttPacketsSent() > 0);
        assertTrue(resumed.conn.isEarlyDataRejected());
        assertTrue(resumed.saw(ConnectionEvent.Kind.EARLY_DATA_REJECTED));
        assertEquals(0, w.echo.connections.get(1).zeroRttPacketsReceived());
        assertTrue(w.echo.connections.get(1).isEarlyDataRejected(), "the server reports the rejection too");
    }

    @Test
    void ticketFromAnotherServerFallsBackToAFullHandshake() {
        World first = new World(3);
        SessionTicket ticket = run(first, null).ticket();
        World restarted = new World(4); // new ticket keys: the old ticket does not open
        restarted.net.now = first.net.now + SECOND;
        OneEcho resumed = run(restarted, ticket);
        assertTrue(resumed.conn.isEarlyDataRejected());
        assertFalse(restarted.echo.connections.get(0).isEarlyDataAccepted());
    }

    @Test
    void replayedZeroRttFlightIsNotProcessedTwice() {
        World w = new World(5);
        SessionTicket ticket = run(w, null).ticket();
        w.clientDatagrams.clear();
        OneEcho resumed = run(w, ticket);
        assertTrue(resumed.conn.isEarlyDataAccepted());
        // The first client flight: the Initial with the ClientHello and the 0-RTT packet(s).
        List<byte[]> flight = new ArrayList<>(w.clientDatagrams.subList(0, 1));
        assertTrue((flight.get(0)[0] & 0xff) >= 0xc0);
        resumed.conn.close(w.net.now, 0, "done");
        // Only the first connection is left: the resumed one is gone, with its connection IDs.
        assertTrue(w.net.runUntil(() -> w.server.connectionCount() == 1, 10 * SECOND), "server forgot the connection");

        int before = w.echo.connections.size();
        for (byte[] d : flight) w.net.inject("attacker", "server", d);
        w.net.runUntil(() -> false, SECOND);
        assertEquals(before + 1, w.echo.connections.size(), "the replayed Initial makes a new connection attempt");
        Connection replay = w.echo.connections.get(before);
        assertEquals(0, replay.zeroRttPacketsReceived(), "its 0-RTT is not read again");
        assertFalse(replay.isEarlyDataAccepted());
        assertTrue(replay.isEarlyDataRejected(), "state " + replay.state() + " alpn " + replay.alpn() + " rx " + replay.bytesReceived() + " flight " + flight.get(0).length + " " + w.echo.closeEvents);
    }

    @Test
    void zeroRttDroppedByARetryIsSentAgainAndAccepted() {
        QuicConfig config = new QuicConfig();
        config.requireRetry = true;
        World w = new World(6, config);
        SessionTicket ticket = run(w, null).ticket();
        // Spoil the NEW_TOKEN token the first connection left, so the server asks for a Retry again.
        w.client.rememberToken("server", new byte[] {1, 2, 3});
        int[] retries = {0};
        SimNetwork.Observer recordClient = w.net.observer;
        w.net.observer = d -> {
            recordClient.sent(d);
            if (d.from.equals("server") && (d.data[0] & 0xf0) == 0xf0) retries[0]++;
        };
        OneEcho resumed = run(w, ticket);
        assertEquals(1, retries[0], "a Retry came between");
        assertTrue(resumed.conn.isEarlyDataAccepted(), "0-RTT after the Retry is accepted: " + resumed.events);
        assertTrue(resumed.conn.zeroRttPacketsSent() >= 2, "sent before and again after the Retry");
        assertTrue(w.echo.connections.get(1).zeroRttPacketsReceived() > 0);
    }

    @Test
    void zeroRttSurvivesLoss() {
        for (long seed = 10; seed < 16; seed++) {
            World w = new World(seed);
            SessionTicket ticket = run(w, null).ticket();
            w.net.loss = 0.3;
            OneEcho resumed = new OneEcho(w.connect(ticket));
            resumed.step(w.net.now);
            w.net.app(resumed);
            assertTrue(w.net.runUntil(() -> resumed.done, 60 * SECOND), "seed " + seed + ": " + resumed.events);
            assertArrayEquals(HELLO, resumed.received.toByteArray(), "seed " + seed);
            assertNotNull(resumed.conn.alpn());
        }
    }
}
