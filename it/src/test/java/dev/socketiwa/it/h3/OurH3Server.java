package dev.socketiwa.it.h3;

import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.h3.DemoRoutes;
import dev.socketiwa.runtime.h3.Http3Handler;
import dev.socketiwa.runtime.quic.QuicServer;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Our HTTP/3 server (the demo routes) on a free loopback port, on its own thread. */
final class OurH3Server implements AutoCloseable {
    final ServerCertificate certificate;
    private final QuicServer server;
    private final DatagramChannelTransport udp;
    private final Thread thread;
    private final Queue<Http3Handler> handlers = new ConcurrentLinkedQueue<>();

    OurH3Server() {
        this(DemoRoutes::new);
    }

    /** The server with other routes than the demo ones (a fresh handler per connection). */
    OurH3Server(java.util.function.Supplier<dev.socketiwa.quic.h3.H3RequestHandler> routes) {
        certificate = new CertificateGenerator(new SecureRandomSource())
                .generate(CertificateRequest.defaults(), System.currentTimeMillis());
        server = new QuicServer(new JcaCryptoProvider(), new QuicConfig(), certificate.der(),
                certificate.key().toPkcs8Der(), Map.of(Http3Handler.ALPN, () -> {
                    Http3Handler h = new Http3Handler(routes.get());
                    handlers.add(h);
                    return h;
                }));
        udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        thread = new Thread(() -> server.serve(udp), "our-h3-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** The most QPACK dynamic table inserts a client made on one connection (read once the client is done). */
    long maxPeerQpackInserts() {
        long max = 0;
        for (Http3Handler h : handlers) {
            if (h.session() != null) max = Math.max(max, h.session().peerQpackInsertCount());
        }
        return max;
    }

    /** Our response field sections that referenced the client's copy of our dynamic table, over all connections. */
    long ourSectionsReferencingTable() {
        long sum = 0;
        for (Http3Handler h : handlers) {
            if (h.session() != null) sum += h.session().ourSectionsReferencingTable();
        }
        return sum;
    }

    int port() {
        return udp.localEndpoint().port();
    }

    @Override
    public void close() throws InterruptedException {
        server.stop();
        thread.join(5000);
        udp.close();
    }
}
