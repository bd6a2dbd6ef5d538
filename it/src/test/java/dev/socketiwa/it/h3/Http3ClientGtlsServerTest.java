package dev.socketiwa.it.h3;

import dev.socketiwa.it.tools.Gtlsserver;
import dev.socketiwa.it.tools.PemCertificate;
import dev.socketiwa.it.browser.FreePorts;
import dev.socketiwa.it.tools.TestTools;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.h3.Http3Exception;
import dev.socketiwa.runtime.h3.Http3Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our HTTP/3 client against ngtcp2's gtlsserver (nghttp3): a page, a 404 and the 50 MiB file, each checked
 * byte for byte. gtlsclient downloads the same file in the same run, for the figures.
 */
class Http3ClientGtlsServerTest {
    private static final int BIG = 50 * 1024 * 1024;

    @Test
    void getsFilesFromGtlsserver(@TempDir Path dir) throws Exception {
        ServerCertificate cert = PemCertificate.writeNew(dir);
        Path htdocs = Files.createDirectories(dir.resolve("htdocs"));
        byte[] page = "<!doctype html><title>gtlsserver</title>\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(htdocs.resolve("index.html"), page);
        byte[] big = new byte[BIG];
        new Random(5).nextBytes(big);
        Files.write(htdocs.resolve("big.bin"), big);
        int port = FreePorts.udp();
        Process server = Gtlsserver.start(dir, htdocs, port, dir.resolve("server.log"));
        try {
            Thread.sleep(300);
            assertTrue(server.isAlive(), "gtlsserver exited: " + Files.readString(dir.resolve("server.log")));
            try (OurH3Client client = new OurH3Client(port, cert.der())) {
                Http3Response r = client.h3.fetch("GET", "/index.html", null, 10_000);
                assertEquals(200, r.status);
                assertArrayEquals(page, r.body);
                assertEquals(Integer.toString(page.length), r.header("content-length"));

                Http3Exception missing = null;
                Http3Response notFound = null;
                try {
                    notFound = client.h3.fetch("GET", "/nothing-here", null, 10_000);
                } catch (Http3Exception e) {
                    missing = e;
                }
                assertTrue(missing == null && notFound.status == 404, "404 expected: " + missing);

                long t0 = System.nanoTime();
                Http3Response b = client.h3.fetch("GET", "/big.bin", null, 120_000);
                double ours = (System.nanoTime() - t0) / 1e9;
                assertEquals(200, b.status);
                assertEquals(BIG, b.body.length);
                assertArrayEquals(big, b.body);
                double theirs = gtlsclientDownload(dir, port);
                System.out.printf("[h3 figures] 50 MiB GET from gtlsserver: our client %.2f s (%.0f MB/s), gtlsclient %.2f s"
                        + " (%.0f MB/s)%n", ours, BIG / ours / 1e6, theirs, BIG / theirs / 1e6);
                // the connection is still good for another request after the big one
                assertEquals(200, client.h3.fetch("GET", "/index.html", null, 10_000).status);
            }
            assertThrows(IllegalArgumentException.class, () -> dev.socketiwa.runtime.h3.Http3Client.connect(null,
                    null, new dev.socketiwa.quic.tls.TlsClientConfig("x", java.util.List.of("hq-interop"),
                            dev.socketiwa.quic.tls.CertificateTrust.ACCEPT_ANY)));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** gtlsclient's time for the same 50 MiB in the same run (seconds), its file checked too. */
    private static double gtlsclientDownload(Path dir, int port) throws Exception {
        Path dl = Files.createDirectories(dir.resolve("dl"));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(TestTools.gtlsclient().toString(), "-q", "--exit-on-all-streams-close",
                "--download", dl.toString(), "127.0.0.1", String.valueOf(port), "https://127.0.0.1:" + port + "/big.bin")
                .redirectErrorStream(true).redirectOutput(dir.resolve("client.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "gtlsclient did not finish");
        double s = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("client.log")));
        assertEquals(BIG, Files.size(dl.resolve("big.bin")));
        return s;
    }
}
