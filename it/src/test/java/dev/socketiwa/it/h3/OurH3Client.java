package dev.socketiwa.it.h3;

import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.h3.Http3Client;
import dev.socketiwa.runtime.quic.QuicClient;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our HTTP/3 client on its own loopback socket, trusting exactly the server's certificate. */
final class OurH3Client implements AutoCloseable {
    final DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
    final QuicClient quic = new QuicClient(new JcaCryptoProvider(), new QuicConfig(), udp);
    final Http3Client h3;

    OurH3Client(int port, byte[] serverCertificateDer) {
        h3 = Http3Client.connect(quic, UdpEndpoint.of("127.0.0.1", port),
                new TlsClientConfig("localhost", List.of("h3"), CertificateTrust.pinned(serverCertificateDer)));
        assertTrue(h3.awaitReady(10_000), "no HTTP/3 connection: " + h3.connection().state() + " " + h3.closeEvent());
    }

    @Override
    public void close() {
        if (!h3.connection().isClosed()) h3.close(2_000);
        udp.close();
    }
}
