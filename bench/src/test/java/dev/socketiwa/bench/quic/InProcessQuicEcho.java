package dev.socketiwa.bench.quic;

import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.h3.DemoRoutes;
import dev.socketiwa.runtime.h3.Http3Handler;
import dev.socketiwa.runtime.quic.EchoHandler;
import dev.socketiwa.runtime.quic.HomeCrypto;
import dev.socketiwa.runtime.quic.QuicHandler;
import dev.socketiwa.runtime.quic.QuicServer;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The services of examples/quic-echo (ALPN echo and h3 with the demo routes) on a loopback socket, for the tests. */
final class InProcessQuicEcho implements AutoCloseable {
    private final QuicServer server;
    private final DatagramChannelTransport udp;
    private final Thread thread;

    InProcessQuicEcho() {
        ServerCertificate cert = new CertificateGenerator(new SecureRandomSource()).generate(CertificateRequest.defaults(),
                System.currentTimeMillis());
        Map<String, Supplier<QuicHandler>> services = new LinkedHashMap<>();
        services.put(EchoHandler.ALPN, EchoHandler::new);
        services.put(Http3Handler.ALPN, () -> new Http3Handler(new DemoRoutes()));
        server = new QuicServer(HomeCrypto.provider(), new QuicConfig(), cert.der(), cert.key().toPkcs8Der(), services,
                HomeCrypto.suitePreference());
        udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        thread = new Thread(() -> server.serve(udp), "quic-echo-under-test");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", udp.localEndpoint().port());
    }

    @Override
    public void close() throws InterruptedException {
        server.stop();
        thread.join(5000);
        udp.close();
    }
}
