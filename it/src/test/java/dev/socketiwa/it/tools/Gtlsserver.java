package dev.socketiwa.it.tools;

import java.io.IOException;
import java.nio.file.Path;

/** ngtcp2's gtlsserver (GnuTLS + nghttp3) as a peer: serves a folder over HTTP/3 on a loopback UDP port. */
public final class Gtlsserver {
    private Gtlsserver() {
    }

    /**
     * Starts {@code gtlsserver -q -d htdocs 127.0.0.1 port} with {@code dir/key.pem} and {@code dir/cert.pem} (see
     * {@link PemCertificate}), its output in {@code log}. The caller waits for it to bind and destroys it.
     */
    public static Process start(Path dir, Path htdocs, int port, Path log) throws IOException {
        return new ProcessBuilder(TestTools.gtlsserver().toString(), "-q", "-d", htdocs.toString(), "127.0.0.1",
                String.valueOf(port), dir.resolve("key.pem").toString(), dir.resolve("cert.pem").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
