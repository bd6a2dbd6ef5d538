package dev.socketiwa.it.cert;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.socketiwa.examples.quicecho.QuicEcho;
import dev.socketiwa.runtime.cert.CertificateLifecycle;
import dev.socketiwa.runtime.cert.PublishedCertificate;
import dev.socketiwa.runtime.quic.QuicServer;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;

/**
 * The quic-echo example app on the JVM, on a loopback port and its own thread, as its main() would run it; what it
 * printed at construction (the hashes to pin and the client snippet) is kept for the tests.
 */
final class QuicEchoServer implements AutoCloseable {
    final QuicServer server;
    final String startLog;
    private final DatagramChannelTransport udp;
    private final Thread thread;

    QuicEchoServer(String[] args, CertificateLifecycle certificates) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            server = certificates == null ? QuicEcho.server(args) : QuicEcho.server(args, certificates);
        } finally {
            System.setOut(original);
        }
        startLog = log.toString(StandardCharsets.UTF_8);
        System.out.print(startLog);
        udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        thread = new Thread(() -> server.serve(udp), "quic-echo");
        thread.setDaemon(true);
        thread.start();
    }

    UdpEndpoint address() {
        return udp.localEndpoint();
    }

    List<PublishedCertificate> published() {
        return server.publishedHashes();
    }

    @Override
    public void close() throws InterruptedException {
        server.stop();
        thread.join(5000);
        udp.close();
    }
}
