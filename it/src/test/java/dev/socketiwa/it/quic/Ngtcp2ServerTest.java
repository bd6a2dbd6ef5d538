package dev.socketiwa.it.quic;

import dev.socketiwa.it.tools.Gtlsserver;
import dev.socketiwa.it.tools.PemCertificate;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.quic.QuicClient;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our QUIC client against ngtcp2's gtlsserver (GnuTLS): a handshake to completion with ALPN h3, then a clean close. */
class Ngtcp2ServerTest {
    @Test
    void handshakeWithH3AndCleanClose(@TempDir Path dir) throws Exception {
        ServerCertificate cert = PemCertificate.writeNew(dir);
        Files.createDirectories(dir.resolve("htdocs"));
        int port;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process server = Gtlsserver.start(dir, dir.resolve("htdocs"), port, dir.resolve("server.log"));
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0))) {
            Thread.sleep(300); // let gtlsserver bind; our Initial would be retransmitted anyway
            assertTrue(server.isAlive(), "gtlsserver exited: " + Files.readString(dir.resolve("server.log")));
            JcaCryptoProvider crypto = new JcaCryptoProvider();
            QuicClient client = new QuicClient(crypto, new QuicConfig(), udp);
            Connection c = client.connect(UdpEndpoint.of("127.0.0.1", port),
                    new TlsClientConfig("localhost", List.of("h3"), CertificateTrust.pinned(cert.der())));
            List<ConnectionEvent> events = new ArrayList<>();
            assertTrue(client.runUntil(c, c::isHandshakeConfirmed, 10_000, events::add),
                    "handshake with gtlsserver: " + events + " " + c.state());
            assertEquals("h3", c.alpn());
            // the server opens its HTTP/3 control and QPACK streams right away; let them arrive
            client.runUntil(c, () -> false, 300, events::add);
            assertFalse(events.stream().anyMatch(e -> e.kind == ConnectionEvent.Kind.CLOSED), "closed early: " + events);
            assertTrue(events.stream().anyMatch(e -> e.kind == ConnectionEvent.Kind.STREAM_OPENED && (e.streamId & 3) == 3),
                    "no server unidirectional stream: " + events);
            c.close(System.nanoTime(), 0x100, ""); // H3_NO_ERROR
            assertTrue(client.runUntil(c, c::isClosed, 5_000, events::add), "close: " + c.state());
            ConnectionEvent closed = events.stream().filter(e -> e.kind == ConnectionEvent.Kind.CLOSED).findFirst().orElseThrow();
            assertFalse(closed.byPeer, "the server closed first: " + closed);
            assertEquals(0x100, closed.errorCode);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }
}
