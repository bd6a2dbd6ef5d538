package dev.socketiwa.examples.quicecho.tools;

import dev.socketiwa.examples.quicecho.QuicEcho;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.SessionTicket;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.quic.HomeCrypto;
import dev.socketiwa.runtime.quic.QuicClient;
import dev.socketiwa.runtime.quic.QuicServer;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The session-ticket check against examples/quic-echo on the JVM: connection 1 makes a full handshake, sends
 * "hello from 0-RTT" on ALPN echo, gets the echo and saves the ticket (with the server's transport parameters) to a
 * file; connection 2 loads it, resumes, and sends the same bytes in 0-RTT before its handshake completes.
 *
 * <pre>
 * ZeroRttCheck [--server HOST:PORT] [--relay-delay-ms MS] [--ticket-file FILE] [--warmup N]
 * </pre>
 * Without --server it starts quic-echo in this process on 127.0.0.1. --relay-delay-ms puts a loopback relay adding
 * that delay each way in front of the server; --warmup runs N untimed full handshakes first (JIT), so the two times
 * compare protocols rather than a cold JVM. Prints PASS or FAIL per connection; exits 1 on any FAIL.
 */
public final class ZeroRttCheck {
    static final byte[] MESSAGE = "hello from 0-RTT".getBytes(StandardCharsets.US_ASCII);

    /** What one connection did. */
    public static final class Result {
        public boolean pass;
        public String echo = "";
        public double firstByteMillis = -1;
        public boolean sentBeforeHandshake;
        public boolean earlyDataAccepted;
        public int zeroRttPackets;
        public String problem = "";
    }

    private ZeroRttCheck() {
    }

    public static void main(String[] args) throws Exception {
        String server = null;
        long delay = 0;
        Path ticketFile = null;
        int warmup = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = args[++i];
                case "--relay-delay-ms" -> delay = Long.parseLong(args[++i]);
                case "--ticket-file" -> ticketFile = Path.of(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: ZeroRttCheck [--server HOST:PORT] [--relay-delay-ms MS] [--ticket-file FILE] [--warmup N]");
                    System.exit(2);
                }
            }
        }
        Result[] r = run(server, delay, ticketFile, warmup, System.out);
        System.exit(r[0].pass && r[1].pass ? 0 : 1);
    }

    /** Runs both connections; prints their lines to out. */
    public static Result[] run(String serverAddress, long relayDelayMillis, Path ticketFile, int warmup, PrintStream out)
            throws Exception {
        QuicServer echoServer = null;
        Thread serverThread = null;
        DatagramChannelTransport serverUdp = null;
        UdpEndpoint target;
        if (serverAddress == null) {
            echoServer = QuicEcho.server(new String[0]);
            serverUdp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
            target = serverUdp.localEndpoint();
            QuicServer s = echoServer;
            DatagramChannelTransport u = serverUdp;
            serverThread = new Thread(() -> s.serve(u), "quic-echo");
            serverThread.setDaemon(true);
            serverThread.start();
        } else {
            target = UdpEndpoint.parse(serverAddress);
        }
        UdpDelayRelay relay = null;
        if (relayDelayMillis > 0) {
            relay = new UdpDelayRelay(new InetSocketAddress(target.host(), target.port()), relayDelayMillis);
            target = UdpEndpoint.of("127.0.0.1", relay.address().getPort());
            out.println("relay: +" + relayDelayMillis + " ms each way");
        }
        if (ticketFile == null) {
            ticketFile = Files.createTempFile("quic-echo-ticket", ".bin");
            ticketFile.toFile().deleteOnExit();
        }
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0))) {
            QuicClient client = new QuicClient(HomeCrypto.provider(), new QuicConfig(), udp);
            TlsClientConfig tls = new TlsClientConfig(null, List.of("echo"), CertificateTrust.ACCEPT_ANY);

            for (int i = 0; i < warmup; i++) {
                SessionTicket t = echoOnce(client, client.connect(target, tls), new Result(), false);
                if (t != null) echoOnce(client, client.connect(target, tls, t), new Result(), true);
            }
            Result first = new Result();
            SessionTicket ticket = echoOnce(client, client.connect(target, tls), first, false);
            if (ticket == null && first.problem.isEmpty()) first.problem = "no session ticket";
            if (ticket != null) Files.write(ticketFile, ticket.toBytes());
            first.pass = first.problem.isEmpty();
            out.println("connection 1 (full handshake): echo \"" + first.echo + "\", first echo byte after "
                    + String.format("%.1f", first.firstByteMillis) + " ms" + (ticket != null ? ", ticket saved" : ""));

            Result second = new Result();
            if (ticket == null) {
                second.problem = "no ticket to resume with";
            } else {
                SessionTicket loaded = SessionTicket.fromBytes(Files.readAllBytes(ticketFile));
                echoOnce(client, client.connect(target, tls, loaded), second, true);
                if (second.problem.isEmpty() && !second.sentBeforeHandshake) second.problem = "not sent before the handshake completed";
                if (second.problem.isEmpty() && !second.earlyDataAccepted) second.problem = "the server did not accept 0-RTT";
                if (second.problem.isEmpty() && second.zeroRttPackets == 0) second.problem = "no 0-RTT packet was sent";
            }
            second.pass = second.problem.isEmpty();
            out.println("connection 2 (0-RTT resume): echo \"" + second.echo + "\", first echo byte after "
                    + String.format("%.1f", second.firstByteMillis) + " ms, " + second.zeroRttPackets + " 0-RTT packet(s)");
            out.println("connection 1 (full handshake): " + (first.pass ? "PASS" : "FAIL (" + first.problem + ")"));
            out.println("connection 2 (0-RTT resume): " + (second.pass ? "PASS" : "FAIL (" + second.problem + ")"));
            return new Result[] {first, second};
        } finally {
            if (relay != null) relay.close();
            if (echoServer != null) {
                echoServer.stop();
                serverThread.join(2000);
                serverUdp.close();
            }
        }
    }

    /** Sends MESSAGE on a new stream as early as the connection allows and reads the echo; returns the ticket. */
    private static SessionTicket echoOnce(QuicClient client, Connection c, Result r, boolean early) {
        long start = System.nanoTime();
        long[] stream = {-1};
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        boolean[] ended = {false};
        SessionTicket[] ticket = {null};
        List<ConnectionEvent> events = new ArrayList<>();
        byte[] buf = new byte[1024];
        Runnable pump = () -> {
            if (stream[0] < 0 && (c.canSendEarlyData() || c.isHandshakeComplete())) {
                stream[0] = c.openStream(true);
                if (stream[0] >= 0) {
                    r.sentBeforeHandshake = !c.isHandshakeComplete();
                    c.write(stream[0], MESSAGE, 0, MESSAGE.length);
                    c.finish(stream[0]);
                }
            }
            if (stream[0] >= 0 && !ended[0]) {
                int n;
                while ((n = c.read(stream[0], buf, 0, buf.length)) > 0) {
                    if (r.firstByteMillis < 0) r.firstByteMillis = (System.nanoTime() - start) / 1e6;
                    got.write(buf, 0, n);
                }
                if (n < 0) ended[0] = true;
            }
        };
        if (early) pump.run(); // before any packet went out: the bytes ride in the first flight
        boolean ok = client.runUntil(c, () -> {
            pump.run();
            return ended[0] && ticket[0] != null || c.isClosed();
        }, 10_000, e -> {
            events.add(e);
            if (e.kind == ConnectionEvent.Kind.SESSION_TICKET) ticket[0] = SessionTicket.fromBytes(e.data);
            pump.run(); // events come before the loop's last send of the turn: what this writes leaves at once
        });
        r.echo = got.toString(StandardCharsets.US_ASCII);
        r.earlyDataAccepted = c.isEarlyDataAccepted();
        r.zeroRttPackets = c.zeroRttPacketsSent();
        if (!ok || c.isClosed()) {
            r.problem = "no echo within 10 s: " + events + " " + c.state();
        } else if (!java.util.Arrays.equals(MESSAGE, got.toByteArray())) {
            r.problem = "echo differs: \"" + r.echo + "\"";
        }
        c.close(System.nanoTime(), 0, "done");
        client.runUntil(c, c::isClosed, 200, e -> { });
        return ticket[0];
    }
}
