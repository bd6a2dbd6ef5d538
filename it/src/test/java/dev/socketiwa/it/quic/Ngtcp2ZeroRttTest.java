package dev.socketiwa.it.quic;

import dev.socketiwa.it.tools.Gtlsserver;
import dev.socketiwa.it.tools.PemCertificate;
import dev.socketiwa.examples.quicecho.QuicEcho;
import dev.socketiwa.it.tools.TestTools;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.qpack.QpackEncoder;
import dev.socketiwa.quic.h3.qpack.QpackWriter;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.SessionTicket;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.quic.QuicClient;
import dev.socketiwa.runtime.quic.QuicServer;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Session resumption and 0-RTT with ngtcp2 (GnuTLS) in both directions. */
class Ngtcp2ZeroRttTest {
    /** ngtcp2's log line for a request (client bidi stream 0 with FIN) sent in a 0-RTT packet. */
    private static final Pattern REQUEST_IN_0RTT = Pattern.compile("frm tx \\d+ 0RTT STREAM\\(0x0b\\) id=0x0 fin=1");

    @Test
    void gtlsclientSendsItsSecondRequestInZeroRttToQuicEcho(@TempDir Path dir) throws Exception {
        Path gtlsclient = TestTools.gtlsclient();
        QuicServer server = QuicEcho.server(new String[0]);
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0))) {
            Thread t = new Thread(() -> server.serve(udp), "quic-echo");
            t.setDaemon(true);
            t.start();
            int port = udp.localEndpoint().port();
            String first = runGtlsclient(gtlsclient, dir, port, "first");
            assertTrue(first.contains(":status: 200"), first);
            assertFalse(first.contains("type=0RTT"), "no ticket yet, so no 0-RTT: " + first);
            assertTrue(Files.size(dir.resolve("session.pem")) > 0 && Files.size(dir.resolve("tp.bin")) > 0,
                    "gtlsclient saved our ticket and transport parameters");

            String second = runGtlsclient(gtlsclient, dir, port, "second");
            assertTrue(REQUEST_IN_0RTT.matcher(second).find(), "the request goes in 0-RTT: " + second);
            assertFalse(second.contains("Early data was rejected by server"), second);
            assertTrue(second.contains(":status: 200"), second);
            server.stop();
            t.join(5000);
        }
    }

    private static String runGtlsclient(Path gtlsclient, Path dir, int port, String name) throws Exception {
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(gtlsclient.toString(), "--exit-on-all-streams-close",
                "--session-file=" + dir.resolve("session.pem"), "--tp-file=" + dir.resolve("tp.bin"),
                "127.0.0.1", String.valueOf(port), "https://127.0.0.1:" + port + "/")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = p.waitFor(20, TimeUnit.SECONDS);
        if (!exited) p.destroyForcibly().waitFor();
        String out = Files.readString(log);
        assertTrue(exited, "gtlsclient hung: " + out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void ourClientResumesWithZeroRttAgainstGtlsserver(@TempDir Path dir) throws Exception {
        ServerCertificate cert = PemCertificate.writeNew(dir);
        Path htdocs = Files.createDirectories(dir.resolve("htdocs"));
        Files.writeString(htdocs.resolve("index.html"), "resumed-with-0rtt\n");
        int port;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process server = Gtlsserver.start(dir, htdocs, port, dir.resolve("server.log"));
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0))) {
            Thread.sleep(300);
            assertTrue(server.isAlive(), "gtlsserver exited: " + Files.readString(dir.resolve("server.log")));
            QuicClient client = new QuicClient(new JcaCryptoProvider(), new QuicConfig(), udp);
            TlsClientConfig tls = new TlsClientConfig("localhost", List.of("h3"), CertificateTrust.pinned(cert.der()));
            UdpEndpoint target = UdpEndpoint.of("127.0.0.1", port);

            Connection c1 = client.connect(target, tls);
            List<ConnectionEvent> events = new ArrayList<>();
            SessionTicket[] ticket = {null};
            assertTrue(client.runUntil(c1, () -> ticket[0] != null || c1.isClosed(), 10_000, e -> {
                events.add(e);
                if (e.kind == ConnectionEvent.Kind.SESSION_TICKET) ticket[0] = SessionTicket.fromBytes(e.data);
            }), "a ticket from gtlsserver: " + events);
            assertNotNull(ticket[0], "gtlsserver sent no ticket: " + events);
            assertTrue(ticket[0].allowsEarlyData(), "gtlsserver's ticket allows 0-RTT");
            c1.close(System.nanoTime(), 0x100, "");
            client.runUntil(c1, c1::isClosed, 2_000, e -> { });

            Connection c2 = client.connect(target, tls, ticket[0]);
            assertTrue(c2.canSendEarlyData(), "0-RTT is possible right after connect");
            long control = c2.openStream(false);
            byte[] settings = {0x00, 0x04, 0x00}; // control stream type, empty SETTINGS
            assertEquals(settings.length, c2.write(control, settings, 0, settings.length));
            long request = c2.openStream(true);
            byte[] get = getRequest(port);
            assertEquals(get.length, c2.write(request, get, 0, get.length));
            c2.finish(request);
            assertFalse(c2.isHandshakeComplete(), "the request was queued before the handshake completed");

            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            boolean[] ended = {false};
            List<ConnectionEvent> events2 = new ArrayList<>();
            assertTrue(client.runUntil(c2, () -> {
                int n;
                while ((n = c2.read(request, buf, 0, buf.length)) > 0) response.write(buf, 0, n);
                if (n < 0) ended[0] = true;
                return ended[0] || c2.isClosed();
            }, 10_000, events2::add), "response: " + events2);
            assertTrue(c2.isResumed(), "resumed");
            assertTrue(c2.isEarlyDataAccepted(), "gtlsserver accepted our 0-RTT: " + events2);
            assertTrue(c2.zeroRttPacketsSent() > 0);
            assertTrue(response.toString(StandardCharsets.ISO_8859_1).contains("resumed-with-0rtt"),
                    "the file came back: " + response);
            c2.close(System.nanoTime(), 0x100, "");
            client.runUntil(c2, c2::isClosed, 2_000, e -> { });
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** HEADERS frame of GET /index.html, QPACK without the dynamic table. */
    private static byte[] getRequest(int port) {
        QpackWriter block = new QpackWriter(128);
        new QpackEncoder().encode(List.of(new HeaderField(":method", "GET"), new HeaderField(":scheme", "https"),
                new HeaderField(":authority", "127.0.0.1:" + port), new HeaderField(":path", "/index.html")), block);
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x01); // HEADERS
        int len = block.length();
        if (len < 64) {
            f.write(len);
        } else {
            f.write(0x40 | (len >> 8));
            f.write(len & 0xff);
        }
        f.write(block.array(), 0, len);
        return f.toByteArray();
    }
}
