package dev.socketiwa.it.h3;

import dev.socketiwa.it.tools.PemCertificate;
import dev.socketiwa.it.browser.FreePorts;
import dev.socketiwa.it.tools.TestTools;
import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.h3.Http3Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Our HTTP/3 client against Caddy (quic-go's HTTP/3 and QPACK): a static page, a 1 MiB file, a 404 and a POST to a
 * route Caddy answers itself. Caddy runs with a generated Caddyfile on free loopback ports, no admin endpoint, its
 * storage and config in the test's temp dir, and our own certificate so the client pins it.
 */
class Http3ClientCaddyTest {
    @Test
    void getsFromCaddyOverHttp3(@TempDir Path dir) throws Exception {
        Path caddy = TestTools.caddy();
        ServerCertificate cert = PemCertificate.writeNew(dir);
        Path site = Files.createDirectories(dir.resolve("site"));
        byte[] page = "<!doctype html><title>caddy</title>\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(site.resolve("index.html"), page);
        byte[] mib = new byte[1 << 20];
        new Random(3).nextBytes(mib);
        Files.write(site.resolve("one.bin"), mib);
        // Caddy serves HTTP/3 on the UDP port of the same number as its HTTPS TCP port: find one free for both
        int port = freeTcpAndUdp();
        int httpPort = freeTcp();
        String caddyfile = "{\n"
                + "  admin off\n"
                + "  auto_https off\n"
                + "  storage file_system " + dir.resolve("storage") + "\n"
                + "  http_port " + httpPort + "\n"
                + "  https_port " + port + "\n"
                + "  servers {\n    protocols h1 h2 h3\n  }\n"
                + "}\n"
                + "https://localhost:" + port + ", https://127.0.0.1:" + port + " {\n"
                + "  bind 127.0.0.1\n"
                + "  tls " + dir.resolve("cert.pem") + " " + dir.resolve("key.pem") + "\n"
                + "  handle /form {\n    respond \"posted {http.request.method}\" 201\n  }\n"
                + "  handle {\n    root * " + site + "\n    file_server\n  }\n"
                + "}\n";
        Path file = dir.resolve("Caddyfile");
        Files.writeString(file, caddyfile);
        ProcessBuilder pb = new ProcessBuilder(caddy.toString(), "run", "--config", file.toString(), "--adapter", "caddyfile")
                .redirectErrorStream(true).redirectOutput(dir.resolve("caddy.log").toFile());
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        Process server = pb.start();
        try {
            waitForLog(dir.resolve("caddy.log"), server, "serving initial configuration");
            try (OurH3Client client = new OurH3Client(port, cert.der())) {
                Http3Response r = client.h3.fetch("GET", "/index.html", null, 10_000);
                assertEquals(200, r.status, new String(r.body, StandardCharsets.UTF_8));
                assertArrayEquals(page, r.body);
                assertEquals("Caddy", r.header("server"));
                Http3Response big = client.h3.fetch("GET", "/one.bin", null, 30_000);
                assertEquals(200, big.status);
                assertArrayEquals(mib, big.body);
                assertEquals(404, client.h3.fetch("GET", "/nothing-here", null, 10_000).status);
                Http3Response posted = client.h3.fetch("POST", "/form", "a=1".getBytes(StandardCharsets.US_ASCII), 10_000,
                        new HeaderField("content-type", "application/x-www-form-urlencoded"));
                assertEquals(201, posted.status);
                assertEquals("posted POST", new String(posted.body, StandardCharsets.US_ASCII));
                assertTrue(client.h3.session().closeCode() < 0, "our session closed the connection itself");
                assertTrue(client.h3.closeEvent() == null, "the connection closed: " + client.h3.closeEvent());
            }
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }

    private static void waitForLog(Path log, Process p, String line) throws IOException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            String s = Files.exists(log) ? Files.readString(log) : "";
            if (s.contains(line)) return;
            if (!p.isAlive()) fail("caddy exited:\n" + s);
            Thread.sleep(50);
        }
        fail("caddy did not start in 10 s:\n" + Files.readString(log));
    }

    private static int freeTcp() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int freeTcpAndUdp() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p = FreePorts.udp();
            try (ServerSocket s = new ServerSocket(p, 1, java.net.InetAddress.getLoopbackAddress())) {
                return p;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IOException("no port free for both TCP and UDP on loopback");
    }
}
