package dev.socketiwa.runtime.quic;

import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.h3.H3Error;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.h3.DemoRoutes;
import dev.socketiwa.runtime.h3.Http3Client;
import dev.socketiwa.runtime.h3.Http3Handler;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** stop() ends HTTP/3 connections gracefully: GOAWAY first, then a CONNECTION_CLOSE with H3_NO_ERROR. */
class QuicServerShutdownTest {
    @Test
    void stopSendsGoawayThenClosesWithNoError() throws Exception {
        ServerCertificate cert = new CertificateGenerator(new SecureRandomSource())
                .generate(CertificateRequest.defaults(), System.currentTimeMillis());
        QuicServer server = new QuicServer(new JcaCryptoProvider(), new QuicConfig(), cert.der(),
                cert.key().toPkcs8Der(), Map.of(Http3Handler.ALPN, () -> new Http3Handler(new DemoRoutes())));
        DatagramChannelTransport serverUdp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        Thread thread = new Thread(() -> server.serve(serverUdp), "h3-shutdown");
        thread.setDaemon(true);
        thread.start();
        DatagramChannelTransport clientUdp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        try {
            QuicClient quic = new QuicClient(new JcaCryptoProvider(), new QuicConfig(), clientUdp);
            Http3Client h3 = Http3Client.connect(quic, UdpEndpoint.of("127.0.0.1", serverUdp.localEndpoint().port()),
                    new TlsClientConfig("localhost", List.of("h3"), CertificateTrust.pinned(cert.der())));
            assertTrue(h3.awaitReady(10_000), "no HTTP/3 connection: " + h3.closeEvent());
            assertEquals(200, h3.fetch("GET", "/", null, 10_000).status);

            server.stop();
            h3.runUntil(() -> false, 3_000); // until the server's close arrives
            assertNotNull(h3.closeEvent(), "the server did not close the connection");
            assertTrue(h3.session().peerGoawayId() >= 0, "no GOAWAY before the close");
            assertTrue(h3.closeEvent().application);
            assertEquals(H3Error.NO_ERROR, h3.closeEvent().errorCode);
            thread.join(5_000);
            assertFalse(thread.isAlive(), "serve() did not return after stop()");
        } finally {
            server.stop();
            clientUdp.close();
            serverUdp.close();
        }
    }
}
