package dev.socketiwa.it.cert;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.socketiwa.it.tools.TestTools;
import dev.socketiwa.it.tools.WebTransportPageScript;
import dev.socketiwa.runtime.cert.ServerCertificate;

/**
 * Does Chromium's WebTransport accept a certificate under given {@code serverCertificateHashes}? An independent QUIC
 * server (ngtcp2's gtlsserver, HTTP/3 only, no WebTransport) serves the certificate; Chromium connects from a page. The
 * session itself then fails either way (no WebTransport server), so the verdict comes from the server's log: a
 * handshake Chromium completed (it accepted the certificate) or Chromium's CERTIFICATE_VERIFY_FAILED close.
 */
final class WebTransportProbe {
    enum Verdict { ACCEPTED, REFUSED }

    private WebTransportProbe() {
    }

    static Verdict probe(Path dir, ServerCertificate served, String optionsText) throws Exception {
        Files.createDirectories(dir);
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(cert, served.certificatePem());
        Files.writeString(key, served.privateKeyPem());
        Path www = Files.createDirectories(dir.resolve("www"));
        Path log = dir.resolve("gtlsserver.log");
        int port = freeUdpPort();
        Process server = new ProcessBuilder(TestTools.gtlsserver().toString(), "-d", www.toString(), "127.0.0.1",
                Integer.toString(port), key.toString(), cert.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String probeOutput;
        try {
            Thread.sleep(300); // let it bind; a Chromium connection attempt retries anyway
            if (!server.isAlive()) {
                fail("gtlsserver exited at once:\n" + Files.readString(log));
            }
            probeOutput = openSession(dir, "https://127.0.0.1:" + port + "/wt", optionsText);
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        String serverLog = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
        boolean refused = serverLog.contains("CERTIFICATE_VERIFY_FAILED");
        boolean completed = serverLog.contains("HANDSHAKE_DONE");
        if (refused && !completed) {
            return Verdict.REFUSED;
        }
        if (completed && !refused) {
            return Verdict.ACCEPTED;
        }
        fail("cannot tell whether Chromium accepted the certificate (completed=" + completed + ", refused=" + refused
                + "); probe said: " + probeOutput.trim() + "\nserver log tail:\n" + tail(serverLog));
        return null;
    }

    /**
     * Opens {@code new WebTransport(url, {optionsText})} from a Chromium page and returns the probe's output, whose
     * last line is {@code RESULT ready} or {@code RESULT error <message>}.
     */
    static String openSession(Path dir, String url, String optionsText) throws Exception {
        return WebTransportPageScript.run("webtransport-probe.mjs", dir.resolve("profile"), url, optionsText, 90,
                () -> "");
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
