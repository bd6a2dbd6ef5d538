package dev.socketiwa.runtime.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Over real loopback UDP: a server that requires address validation sends our client a Retry on the first connection
 * and a NEW_TOKEN after it; the client's second connection presents that token and is accepted without a Retry.
 */
class NewTokenReuseTest {

    @Test
    void secondConnectionPresentsTheNewTokenAndSkipsRetry() throws Exception {
        ServerCertificate cert = new CertificateGenerator(new SecureRandomSource())
                .generate(CertificateRequest.defaults(), System.currentTimeMillis());
        QuicConfig serverConfig = new QuicConfig();
        serverConfig.requireRetry = true;
        QuicServer server = new QuicServer(new JcaCryptoProvider(), serverConfig, cert.der(), cert.key().toPkcs8Der(),
                Map.of(EchoHandler.ALPN, EchoHandler::new));
        DatagramChannelTransport serverUdp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        Thread thread = new Thread(() -> server.serve(serverUdp), "quic-server");
        thread.start();
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0))) {
            QuicClient client = new QuicClient(new JcaCryptoProvider(), new QuicConfig(), udp);
            TlsClientConfig tls = new TlsClientConfig("localhost", List.of("echo"), CertificateTrust.pinned(cert.der()));
            List<ConnectionEvent> events = new ArrayList<>();

            Connection first = client.connect(serverUdp.localEndpoint(), tls);
            assertTrue(client.runUntil(first, first::isHandshakeConfirmed, 5000, events::add), "first: " + events);
            assertNotNull(first.peerTransportParameters().retrySourceConnectionId, "the first connection needs a Retry");
            assertTrue(client.runUntil(first, () -> client.hasTokenFor(serverUdp.localEndpoint()), 5000, events::add),
                    "no NEW_TOKEN from the server");
            first.close(System.nanoTime(), 0, "done");
            client.runUntil(first, first::isClosed, 1000, events::add);

            Connection second = client.connect(serverUdp.localEndpoint(), tls);
            assertTrue(client.runUntil(second, second::isHandshakeConfirmed, 5000, events::add), "second: " + events);
            assertNull(second.peerTransportParameters().retrySourceConnectionId,
                    "the second connection presented its NEW_TOKEN token: no Retry");
            assertEquals("echo", second.alpn());
        } finally {
            server.stop();
            thread.join(5000);
            serverUdp.close();
        }
    }
}
