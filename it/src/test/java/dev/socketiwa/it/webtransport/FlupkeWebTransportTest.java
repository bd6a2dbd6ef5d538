package dev.socketiwa.it.webtransport;

import dev.socketiwa.examples.quicecho.QuicEcho;
import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.quic.QuicServer;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import org.junit.jupiter.api.Test;
import tech.kwik.flupke.Http3Client;
import tech.kwik.flupke.webtransport.ClientSessionFactory;
import tech.kwik.flupke.webtransport.Session;
import tech.kwik.flupke.webtransport.WebTransportStream;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kwik's Flupke (an independent WebTransport client, in Java; it has no datagram API) against examples/quic-echo on
 * the JVM: a bidirectional stream echoed, a unidirectional stream answered on a new one, then a close with code and
 * reason the server logs.
 */
class FlupkeWebTransportTest {
    @Test
    void streamsEchoedAndCloseSeenByTheServer() throws Exception {
        ServerCertificate cert = new CertificateGenerator(new SecureRandomSource())
                .generate(CertificateRequest.defaults(), System.currentTimeMillis());
        Queue<String> log = new ConcurrentLinkedQueue<>();
        QuicServer server = QuicEcho.server(cert, new String[0], log::add);
        DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        Thread thread = new Thread(() -> server.serve(udp), "quic-echo-flupke-webtransport");
        thread.setDaemon(true);
        thread.start();
        try {
            URI uri = URI.create("https://127.0.0.1:" + udp.localEndpoint().port() + "/wt");
            BlockingQueue<WebTransportStream> incomingUni = new LinkedBlockingQueue<>();
            Session session = open(uri, incomingUni);

            byte[] bidiData = new byte[100_000];
            new Random(5).nextBytes(bidiData);
            WebTransportStream bidi = session.createBidirectionalStream();
            try (OutputStream out = bidi.getOutputStream()) {
                out.write(bidiData);
            }
            assertArrayEquals(bidiData, bidi.getInputStream().readAllBytes());

            byte[] uniData = new byte[30_000];
            new Random(6).nextBytes(uniData);
            WebTransportStream uni = session.createUnidirectionalStream();
            try (OutputStream out = uni.getOutputStream()) {
                out.write(uniData);
            }
            WebTransportStream answer = incomingUni.poll(20, TimeUnit.SECONDS);
            assertNotNull(answer, "no unidirectional stream came back");
            assertArrayEquals(uniData, answer.getInputStream().readAllBytes());

            session.close(77, "flupke says bye");
            String closeLine = "closed with code 77 reason \"flupke says bye\"";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (log.stream().noneMatch(l -> l.contains(closeLine)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(log.stream().anyMatch(l -> l.contains(closeLine)), "the server did not log '" + closeLine
                    + "': " + log);
            System.out.println("Flupke WebTransport against quic-echo: " + log);
        } finally {
            server.stop();
            thread.join(5000);
            udp.close();
        }
    }

    /** Kwik fails a few percent of handshakes against other servers (notes/quic-peers.md): one retry on connect. */
    private static Session open(URI uri, BlockingQueue<WebTransportStream> incomingUni) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                // Flupke grants a server only the 3 unidirectional streams HTTP/3 itself needs unless told otherwise
                Http3Client client = (Http3Client) Http3Client.newBuilder().disableCertificateCheck()
                        .maxAdditionalOpenPeerInitiatedUnidirectionalStreams(10)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                ClientSessionFactory factory = ClientSessionFactory.newBuilder().serverUri(uri).httpClient(client).build();
                Session session = factory.createSession(uri, incomingUni::add, stream -> { });
                session.open();
                return session;
            } catch (java.net.ConnectException e) {
                if (attempt == 2) throw e;
            }
        }
    }
}
