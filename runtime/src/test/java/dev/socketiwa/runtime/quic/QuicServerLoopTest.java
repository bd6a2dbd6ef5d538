package dev.socketiwa.runtime.quic;

import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The QUIC server loop over real loopback UDP, with our client: echo on streams and datagrams. */
class QuicServerLoopTest {
    private QuicServer server;
    private Thread thread;
    private DatagramChannelTransport serverUdp;
    private ServerCertificate cert;

    @BeforeEach
    void start() {
        cert = new CertificateGenerator(new SecureRandomSource()).generate(CertificateRequest.defaults(), System.currentTimeMillis());
        server = new QuicServer(new JcaCryptoProvider(), new QuicConfig(), cert.der(), cert.key().toPkcs8Der(),
                Map.of(EchoHandler.ALPN, EchoHandler::new));
        serverUdp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        thread = new Thread(() -> server.serve(serverUdp), "quic-server");
        thread.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.stop();
        thread.join(5000);
        serverUdp.close();
    }

    @Test
    void echoOverLoopbackUdp() {
        CryptoProvider crypto = new JcaCryptoProvider();
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0))) {
            QuicClient client = new QuicClient(crypto, new QuicConfig(), udp);
            Connection c = client.connect(serverUdp.localEndpoint(),
                    new TlsClientConfig("localhost", List.of("echo"), CertificateTrust.pinned(cert.der())));
            List<ConnectionEvent> events = new ArrayList<>();
            assertTrue(client.runUntil(c, c::isHandshakeComplete, 5000, events::add), "handshake: " + events);
            assertEquals("echo", c.alpn());

            int streams = 3;
            int size = 2_000_000;
            byte[][] payload = new byte[streams][size];
            Random r = new Random(1);
            for (byte[] p : payload) r.nextBytes(p);
            long[] ids = new long[streams];
            int[] written = new int[streams];
            boolean[] done = new boolean[streams];
            ByteArrayOutputStream[] got = new ByteArrayOutputStream[streams];
            for (int i = 0; i < streams; i++) {
                ids[i] = c.openStream(true);
                got[i] = new ByteArrayOutputStream();
            }
            byte[] buf = new byte[65536];
            List<byte[]> datagrams = new ArrayList<>();
            for (int i = 0; i < 5; i++) assertTrue(c.sendDatagram(new byte[]{(byte) i, 1, 2, 3}, 0, 4));
            long t0 = System.nanoTime();
            boolean ok = client.runUntil(c, () -> {
                boolean all = true;
                for (int i = 0; i < streams; i++) {
                    if (written[i] < size) {
                        int w = c.write(ids[i], payload[i], written[i], size - written[i]);
                        if (w > 0) written[i] += w;
                        if (written[i] == size) c.finish(ids[i]);
                    }
                    int n;
                    while (!done[i] && (n = c.read(ids[i], buf, 0, buf.length)) != 0) {
                        if (n < 0) done[i] = true;
                        else got[i].write(buf, 0, n);
                    }
                    all &= done[i];
                }
                return all;
            }, 60_000, e -> {
                if (e.kind == ConnectionEvent.Kind.DATAGRAM) datagrams.add(e.data);
            });
            long nanos = System.nanoTime() - t0;
            assertTrue(ok, "echo did not finish: " + c.state());
            for (int i = 0; i < streams; i++) assertArrayEquals(payload[i], got[i].toByteArray());
            assertTrue(datagrams.size() > 0 && datagrams.size() <= 5);
            System.out.printf("JVM loopback echo: %d x %d bytes echoed in %d ms = %.1f Mbit/s each way%n", streams, size,
                    nanos / 1_000_000, streams * size * 8.0 / nanos * 1000);
            c.close(System.nanoTime(), 0, "bye");
            client.runUntil(c, c::isClosed, 3000, e -> { });
        }
    }
}
