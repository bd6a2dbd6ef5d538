package dev.socketiwa.it.browser;

import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.quic.QuicClient;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Our QUIC client trusting only certificates whose SHA-256 is one of the pins (the rule of WebTransport's
 * serverCertificateHashes), with ALPN echo: handshakes with a server and echoes one stream.
 */
final class PinnedQuicClient {
    private PinnedQuicClient() {
    }

    /** The bytes echoed on one stream after a pinned handshake; an AssertionError saying why when it fails. */
    static byte[] echo(int port, List<byte[]> sha256Pins, byte[] payload) {
        CryptoProvider crypto = new JcaCryptoProvider();
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0))) {
            QuicClient client = new QuicClient(crypto, new QuicConfig(), udp);
            Connection c = client.connect(UdpEndpoint.of("127.0.0.1", port),
                    new TlsClientConfig("localhost", List.of("echo"), CertificateTrust.pinnedSha256(crypto, sha256Pins)));
            List<ConnectionEvent> events = new ArrayList<>();
            if (!client.runUntil(c, () -> c.isHandshakeComplete() || c.isClosed(), 10_000, events::add)
                    || !c.isHandshakeComplete()) {
                throw new AssertionError("no pinned handshake with 127.0.0.1:" + port + ": state " + c.state()
                        + ", events " + events);
            }
            long id = c.openStream(true);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int[] written = {0};
            boolean[] done = {false};
            boolean ok = client.runUntil(c, () -> {
                if (written[0] < payload.length) {
                    int w = c.write(id, payload, written[0], payload.length - written[0]);
                    if (w > 0) written[0] += w;
                    if (written[0] == payload.length) c.finish(id);
                }
                int n;
                while (!done[0] && (n = c.read(id, buf, 0, buf.length)) != 0) {
                    if (n < 0) done[0] = true;
                    else got.write(buf, 0, n);
                }
                return done[0];
            }, 10_000, e -> { });
            if (!ok) {
                throw new AssertionError("the echo stream did not finish: state " + c.state());
            }
            c.close(System.nanoTime(), 0, "bye");
            client.runUntil(c, c::isClosed, 2000, e -> { });
            return got.toByteArray();
        }
    }
}
