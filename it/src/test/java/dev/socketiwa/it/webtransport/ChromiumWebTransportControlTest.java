package dev.socketiwa.it.webtransport;

import dev.socketiwa.it.tools.WebTransportPageScript;
import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.h3.webtransport.WebTransportHandler;
import dev.socketiwa.quic.h3.webtransport.WebTransportSession;
import dev.socketiwa.quic.h3.webtransport.WebTransportStream;
import dev.socketiwa.quic.h3.webtransport.WebTransportStreamListener;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateHashes;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.h3.Http3Handler;
import dev.socketiwa.runtime.h3.Routes;
import dev.socketiwa.runtime.quic.QuicServer;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WebTransport controls seen from Chromium's side: our stream reset and STOP_SENDING reach the page with their
 * application codes (mapped through the HTTP/3 range and back), the page's abort reaches us with its code, and our
 * CLOSE capsule resolves {@code wt.closed} with our code and reason. The page also sends DRAIN-asking datagrams and
 * reports whether {@code wt.draining} resolved; Chromium 156 has no {@code draining} attribute, so DRAIN is only
 * reported here, not asserted.
 */
class ChromiumWebTransportControlTest {
    @TempDir
    Path dir;

    /** Obeys commands: "reset N\n" or "stop N\n" on a bidi stream, datagrams "drain" and "close N reason". */
    private static final class Commands implements WebTransportHandler {
        final Queue<String> seen = new ConcurrentLinkedQueue<>();

        @Override
        public void onDatagram(WebTransportSession s, byte[] b, int off, int len) {
            String command = new String(b, off, len, StandardCharsets.UTF_8);
            if (command.equals("drain")) {
                s.drain();
            } else if (command.startsWith("close ")) {
                String[] parts = command.split(" ", 3);
                s.close(Long.parseLong(parts[1]), parts[2]);
            }
        }

        @Override
        public void onStream(WebTransportSession s, WebTransportStream stream) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            stream.setListener(new WebTransportStreamListener() {
                @Override
                public void onReadable(WebTransportStream st) {
                    byte[] buf = new byte[256];
                    int n;
                    while ((n = st.read(buf, 0, buf.length)) > 0) {
                        line.write(buf, 0, n);
                        String text = line.toString(StandardCharsets.UTF_8);
                        if (st.isBidirectional() && text.contains("\n")) {
                            long code = Long.parseLong(text.substring(text.indexOf(' ') + 1, text.indexOf('\n')));
                            if (text.startsWith("reset ")) st.reset(code);
                            if (text.startsWith("stop ")) st.stopSending(code);
                            return;
                        }
                    }
                }

                @Override
                public void onReset(WebTransportStream st, long code) {
                    seen.add((st.isBidirectional() ? "bidi" : "uni") + " reset " + code);
                }
            });
        }

        @Override
        public void onClose(WebTransportSession s, long code, String reason) {
            seen.add("close " + code + " " + reason);
        }
    }

    @Test
    void resetsStopSendingDrainAndServerCloseReachChromium() throws Exception {
        ServerCertificate cert = new CertificateGenerator(new SecureRandomSource())
                .generate(CertificateRequest.defaults(), System.currentTimeMillis());
        Commands commands = new Commands();
        Routes routes = Routes.builder().webTransport("/control", commands).build();
        QuicServer server = new QuicServer(new JcaCryptoProvider(), new QuicConfig(), cert.der(),
                cert.key().toPkcs8Der(), Map.of(Http3Handler.ALPN, () -> new Http3Handler(routes)));
        DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        Thread thread = new Thread(() -> server.serve(udp), "webtransport-control");
        thread.setDaemon(true);
        thread.start();
        try {
            String url = "https://127.0.0.1:" + udp.localEndpoint().port() + "/control";
            String options = CertificateHashes.serverCertificateHashesSnippet(List.of(cert.published()));
            String result = WebTransportPageScript.result(WebTransportPageScript.run("webtransport-control.mjs",
                    dir.resolve("profile"), url, options, 120, () -> "\nserver saw: " + commands.seen));
            System.out.println("Chromium WebTransport controls: " + result + "; server saw " + commands.seen);
            for (String expected : new String[] {"\"bidiReadError\":\"WebTransportError\"", "\"bidiReadCode\":123",
                "\"bidiWriteError\":\"WebTransportError\"", "\"bidiWriteCode\":124",
                "\"closed\":{\"closeCode\":31337,\"reason\":\"server says bye\"}"}) {
                assertTrue(result.contains(expected), "expected " + expected + " in " + result + "\nserver saw: "
                        + commands.seen);
            }
            assertTrue(commands.seen.contains("uni reset 7"), "the page's abort code: " + commands.seen);
            assertTrue(commands.seen.contains("close 31337 server says bye"), "our own close: " + commands.seen);
        } finally {
            server.stop();
            thread.join(5000);
            udp.close();
        }
    }
}
