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

import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import dev.socketiwa.runtime.quic.QuicHandler;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Our QUIC echo server on a loopback port, on its own thread, for interop tests. */
final class OurServer implements AutoCloseable {
    final ServerCertificate certificate;
    private final QuicServer server;
    private final DatagramChannelTransport udp;
    private final Thread thread;
    /** Connections that resumed a session, and streams that arrived in 0-RTT (written by the server thread). */
    private final Set<Connection> resumed = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final AtomicInteger earlyStreams = new AtomicInteger();

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
                certificate.key().toPkcs8Der(), www == null ? Map.of(EchoHandler.ALPN, recording(EchoHandler::new))
                        : Map.of(EchoHandler.ALPN, recording(EchoHandler::new), HqInteropHandler.ALPN,
                                recording(() -> new HqInteropHandler(new DirectoryContent(www)))));
        udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        thread = new Thread(() -> server.serve(udp), "our-quic-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** Wraps a service to note resumption and 0-RTT streams. */
    private Supplier<QuicHandler> recording(Supplier<QuicHandler> inner) {
        return () -> {
            QuicHandler h = inner.get();
            return new QuicHandler() {
                @Override
                public void onEvent(Connection c, ConnectionEvent e) {
                    if (c.isResumed()) resumed.add(c);
                    if (e.kind == ConnectionEvent.Kind.STREAM_OPENED && c.isEarlyDataStream(e.streamId)) {
                        earlyStreams.incrementAndGet();
                    }
                    h.onEvent(c, e);
                }

                @Override
                public void service(Connection c) {
                    h.service(c);
                }
            };
        };
    }

    int resumedConnections() {
        return resumed.size();
    }

    int earlyStreams() {
        return earlyStreams.get();
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
