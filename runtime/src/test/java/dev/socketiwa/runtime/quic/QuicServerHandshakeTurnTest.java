package dev.socketiwa.runtime.quic;

import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.UdpTransport;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's handshake flights are answers, not timer work: each datagram it sends while a handshake runs goes out in
 * the loop turn that received what it answers, never after a receive wait ran out (an ACK delay, pacing release, PTO or
 * loop timeout would show up as such a wait). Handshake latency on a loaded machine then stays CPU time plus
 * scheduling, which is what the benchmark investigation found; this keeps it so.
 */
class QuicServerHandshakeTurnTest {
    private static final int HANDSHAKES = 5;

    @Test
    void everyHandshakeDatagramAnswersWhatTheSameTurnReceived() throws InterruptedException {
        ServerCertificate cert = new CertificateGenerator(new SecureRandomSource())
                .generate(CertificateRequest.defaults(), System.currentTimeMillis());
        QuicServer server = new QuicServer(new JcaCryptoProvider(), new QuicConfig(), cert.der(), cert.key().toPkcs8Der(),
                Map.of(EchoHandler.ALPN, EchoHandler::new));
        DatagramChannelTransport serverUdp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        TurnLog log = new TurnLog(serverUdp);
        Thread thread = new Thread(() -> server.serve(log), "quic-server-turns");
        thread.start();
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0))) {
            QuicClient client = new QuicClient(new JcaCryptoProvider(), new QuicConfig(), udp);
            TlsClientConfig tls = new TlsClientConfig("localhost", List.of(EchoHandler.ALPN),
                    CertificateTrust.pinned(cert.der()));
            for (int i = 0; i < HANDSHAKES; i++) {
                log.clear();
                Connection c = client.connect(serverUdp.localEndpoint(), tls);
                assertTrue(client.runUntil(c, c::isHandshakeConfirmed, 10_000, e -> { }), "handshake " + i + ": " + c.state());
                // I: a client Initial received, R: another datagram received, T: a receive that waited out its
                // timeout, S: a datagram sent. What came before this Initial belongs to the previous connection.
                String all = log.snapshot();
                assertTrue(all.indexOf('I') >= 0, "the server received the client's Initial: " + all);
                String turns = all.substring(all.indexOf('I'));
                assertTrue(turns.contains("S"), "the server answered: " + turns);
                int firstSend = turns.indexOf('S');
                assertEquals(-1, turns.substring(0, firstSend).indexOf('T'),
                        "the server's first flight waited for a timer after the client's Initial: " + turns);
                assertEquals(-1, turns.replaceAll("[IR]+", "R").indexOf("TS"),
                        "a handshake datagram went out after a receive timed out, not in answer to one: " + turns);
                c.close(System.nanoTime(), 0, "");
                client.runUntil(c, () -> true, 0, e -> { });
            }
            assertTrue(server.handshakesCompleted() >= HANDSHAKES - 1, "server saw the handshakes complete");
        } finally {
            server.stop();
            thread.join(5000);
            serverUdp.close();
        }
    }

    /** The server's socket, noting each receive, timed-out receive and send in order, for the test thread to read. */
    private static final class TurnLog implements UdpTransport {
        private final UdpTransport socket;
        private final StringBuilder turns = new StringBuilder();

        TurnLog(UdpTransport socket) {
            this.socket = socket;
        }

        synchronized void clear() {
            turns.setLength(0);
        }

        synchronized String snapshot() {
            return turns.toString();
        }

        private synchronized void note(char c) {
            turns.append(c);
        }

        @Override
        public int receive(byte[] buf, int off, int maxLen, long timeoutMillis) {
            int n = socket.receive(buf, off, maxLen, timeoutMillis);
            // long header (0x80) of type Initial (0x30 bits clear)
            if (n > 0) note((buf[off] & 0xb0) == 0x80 ? 'I' : 'R');
            else if (n == 0) note('R');
            else if (timeoutMillis > 0) note('T');
            return n;
        }

        @Override
        public UdpEndpoint sender() {
            return socket.sender();
        }

        @Override
        public void send(byte[] buf, int off, int len, UdpEndpoint to) {
            note('S');
            socket.send(buf, off, len, to);
        }

        @Override
        public UdpEndpoint localEndpoint() {
            return socket.localEndpoint();
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
