package dev.socketiwa.it.quic;

import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.runtime.quic.EchoHandler;
import dev.socketiwa.runtime.quic.HqInteropHandler;
import dev.socketiwa.runtime.quic.jvm.DirectoryContent;
import dev.socketiwa.runtime.quic.QuicServer;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;

import java.util.Map;

/** Our QUIC echo server on a loopback port, on its own thread, for interop tests. */
final class OurServer implements AutoCloseable {
    final ServerCertificate certificate;
    private final QuicServer server;
    private final DatagramChannelTransport udp;
    private final Thread thread;

    OurServer() {
        this(null);
    }

    /** With www non-null, also serves ALPN hq-interop from that directory. */
    OurServer(java.nio.file.Path www) {
        this(www, new QuicConfig());
    }

    OurServer(java.nio.file.Path www, QuicConfig config) {
        certificate = new CertificateGenerator(new SecureRandomSource()).generate(CertificateRequest.defaults(),
                System.currentTimeMillis());
        server = new QuicServer(new JcaCryptoProvider(), config, certificate.der(),
                certificate.key().toPkcs8Der(), www == null ? Map.of(EchoHandler.ALPN, EchoHandler::new)
                        : Map.of(EchoHandler.ALPN, EchoHandler::new, HqInteropHandler.ALPN,
                                () -> new HqInteropHandler(new DirectoryContent(www))));
        udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        thread = new Thread(() -> server.serve(udp), "our-quic-server");
        thread.setDaemon(true);
        thread.start();
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
