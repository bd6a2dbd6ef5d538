package dev.socketiwa.it.webtransport;

import dev.socketiwa.examples.quicecho.QuicEcho;
import dev.socketiwa.it.tools.WebTransportPageScript;
import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateHashes;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.quic.QuicServer;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chromium's WebTransport (the browser API, pinned to our certificate with serverCertificateHashes) as the client of
 * examples/quic-echo on the JVM: datagrams, a 200 kB bidirectional stream and a 50 kB unidirectional stream come back
 * byte-identical, then the page closes the session with a code and reason, and the server's log shows both.
 */
class ChromiumWebTransportTest {
    private static final int CLOSE_CODE = 4242;
    private static final String CLOSE_REASON = "done here, thanks";

    @TempDir
    Path dir;

    @Test
    void chromiumEchoesDatagramsAndStreamsThenClosesWithCodeAndReason() throws Exception {
        ServerCertificate cert = new CertificateGenerator(new SecureRandomSource())
                .generate(CertificateRequest.defaults(), System.currentTimeMillis());
        Queue<String> log = new ConcurrentLinkedQueue<>();
        QuicServer server = QuicEcho.server(cert, new String[0], log::add);
        DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        Thread thread = new Thread(() -> server.serve(udp), "quic-echo-webtransport");
        thread.setDaemon(true);
        thread.start();
        try {
            String url = "https://127.0.0.1:" + udp.localEndpoint().port() + "/wt";
            String options = CertificateHashes.serverCertificateHashesSnippet(List.of(cert.published()));
            String result = WebTransportPageScript.result(WebTransportPageScript.run("webtransport-echo.mjs",
                    dir.resolve("profile"), url, options, 120, () -> "\nserver log: " + log,
                    Integer.toString(CLOSE_CODE), CLOSE_REASON));
            System.out.println("Chromium WebTransport against quic-echo: " + result);
            for (String expected : new String[] {"\"ready\":true",
                "\"datagramsEchoed\":[\"datagram 0\",\"datagram 1\",\"datagram 2\"]", "\"datagramsAllKnown\":true",
                "\"bidiLength\":200000", "\"bidiIdentical\":true", "\"uniLength\":50000", "\"uniIdentical\":true",
                "\"step\":\"done\""}) {
                assertTrue(result.contains(expected), "expected " + expected + " in " + result + "\nserver log: " + log);
            }
            String closeLine = "closed with code " + CLOSE_CODE + " reason \"" + CLOSE_REASON + "\"";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (log.stream().noneMatch(l -> l.contains(closeLine)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(log.stream().anyMatch(l -> l.contains(closeLine)), "the server did not log '" + closeLine
                    + "': " + log);
        } finally {
            server.stop();
            thread.join(5000);
            udp.close();
        }
    }
}
