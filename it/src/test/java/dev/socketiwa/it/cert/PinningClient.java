package dev.socketiwa.it.cert;

import java.util.List;

import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.cert.PublishedCertificate;
import dev.socketiwa.runtime.cert.TlsCertificates;
import dev.socketiwa.runtime.quic.QuicClient;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;

/** Our QUIC client pinning certificate hashes the way WebTransport's serverCertificateHashes does. */
final class PinningClient {
    private PinningClient() {
    }

    /** The DER certificate the server presented if the handshake completed under these pins, else null. */
    static byte[] handshake(UdpEndpoint server, String alpn, List<PublishedCertificate> pins) {
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0))) {
            QuicClient client = new QuicClient(new JcaCryptoProvider(), new QuicConfig(), udp);
            CertificateTrust pinned = TlsCertificates.pinnedHashes(pins);
            byte[][] seen = new byte[1][];
            Connection c = client.connect(server, new TlsClientConfig("localhost", List.of(alpn), (chain, name) -> {
                seen[0] = chain.get(0);
                return pinned.trusted(chain, name);
            }));
            client.runUntil(c, () -> c.isHandshakeComplete() || c.state() != Connection.State.HANDSHAKING, 5000, e -> { });
            boolean ok = c.isHandshakeComplete();
            if (ok) {
                c.close(System.nanoTime(), 0, "done");
                client.runUntil(c, c::isClosed, 1000, e -> { });
            }
            return ok ? seen[0] : null;
        }
    }
}
