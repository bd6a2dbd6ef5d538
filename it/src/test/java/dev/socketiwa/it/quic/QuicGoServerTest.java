package dev.socketiwa.it.quic;

import dev.socketiwa.it.tools.TestTools;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.runtime.quic.QuicClient;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our client (hq-interop, HTTP/0.9) downloads files from quic-go's interop-runner server. */
class QuicGoServerTest {
    @ParameterizedTest
    @ValueSource(strings = {"transfer", "retry", "chacha20"})
    void ourClientDownloads(String testcase, @TempDir Path dir) throws Exception {
        Path serverBin = TestTools.peer("quic-go/interop-server");
        ServerCertificate cert = new CertificateGenerator(new SecureRandomSource()).generate(CertificateRequest.defaults(),
                System.currentTimeMillis());
        Path certs = Files.createDirectories(dir.resolve("certs"));
        Files.writeString(certs.resolve("cert.pem"), cert.certificatePem());
        Files.writeString(certs.resolve("priv.key"), cert.privateKeyPem());
        Path www = Files.createDirectories(dir.resolve("www"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path qlog = Files.createDirectories(dir.resolve("qlog"));
        Random r = new Random(testcase.hashCode());
        int[] sizes = testcase.equals("transfer") ? new int[]{3 * 1024 * 1024, 1024 * 1024, 10_000} : new int[]{5000};
        byte[][] files = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            files[i] = new byte[sizes[i]];
            r.nextBytes(files[i]);
            Files.write(www.resolve("f" + i), files[i]);
        }
        int port;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(serverBin.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.out").toFile());
        pb.environment().put("TESTCASE", testcase);
        pb.environment().put("QUIC_GO_CERTS", certs.toString());
        pb.environment().put("QUIC_GO_WWW", www.toString());
        pb.environment().put("QUIC_GO_LOGS", logs.toString());
        pb.environment().put("QUIC_GO_ADDR", "127.0.0.1:" + port);
        pb.environment().put("QLOGDIR", qlog.toString());
        Process server = pb.start();
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0))) {
            Thread.sleep(500);
            assertTrue(server.isAlive(), "quic-go server exited: " + Files.readString(dir.resolve("server.out")));
            QuicClient client = new QuicClient(new JcaCryptoProvider(), new QuicConfig(), udp);
            TlsClientConfig tls = new TlsClientConfig("localhost", List.of("hq-interop"), CertificateTrust.pinned(cert.der()));
            if (testcase.equals("chacha20")) tls.cipherSuites(dev.socketiwa.quic.crypto.CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
            Connection c = client.connect(UdpEndpoint.of("127.0.0.1", port), tls);
            List<ConnectionEvent> events = new ArrayList<>();
            assertTrue(client.runUntil(c, c::isHandshakeComplete, 10_000, events::add), "handshake: " + events + " "
                    + c.state() + "\n" + Files.readString(dir.resolve("server.out")));
            long[] ids = new long[files.length];
            ByteArrayOutputStream[] got = new ByteArrayOutputStream[files.length];
            boolean[] done = new boolean[files.length];
            for (int i = 0; i < files.length; i++) {
                ids[i] = c.openStream(true);
                byte[] req = ("GET /f" + i + "\r\n").getBytes(StandardCharsets.US_ASCII);
                assertEquals(req.length, c.write(ids[i], req, 0, req.length));
                c.finish(ids[i]);
                got[i] = new ByteArrayOutputStream();
            }
            byte[] buf = new byte[65536];
            boolean ok = client.runUntil(c, () -> {
                boolean all = true;
                for (int i = 0; i < files.length; i++) {
                    int n;
                    while (!done[i] && (n = c.read(ids[i], buf, 0, buf.length)) != 0) {
                        if (n < 0) done[i] = true;
                        else got[i].write(buf, 0, n);
                    }
                    all &= done[i];
                }
                return all;
            }, 60_000, events::add);
            assertTrue(ok, "downloads: " + events + " " + c.state());
            for (int i = 0; i < files.length; i++) assertArrayEquals(files[i], got[i].toByteArray(), "f" + i);
            c.close(System.nanoTime(), 0, "");
            client.runUntil(c, c::isClosed, 3000, events::add);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }
}
