package dev.socketiwa.bench.quic;

import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.ServerCertificate;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ngtcp2's gtlsserver as the native anchor, serving the same URLs as our demo routes: {@code htdocs/bytes/N} files
 * for the download size and the small request sizes, with a fresh self-signed ECDSA P-256 certificate. It serves only
 * ALPN h3 (no echo).
 */
public final class NativeAnchor implements AutoCloseable {
    private final Process process;
    private final InetSocketAddress address;

    private NativeAnchor(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    public static NativeAnchor start(Path gtlsserver, Path dir, int port, List<Long> fileSizes) throws IOException {
        if (!Files.isExecutable(gtlsserver)) {
            throw new IllegalArgumentException("gtlsserver not found at " + gtlsserver + ": install ngtcp2's sample server"
                    + " (scripts/setup-test-tools.sh does: apt-get install ngtcp2-server) or pass --gtlsserver PATH");
        }
        Path htdocs = dir.resolve("htdocs");
        Files.createDirectories(htdocs.resolve("bytes"));
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i * 31);
        }
        for (long size : fileSizes) {
            Path f = htdocs.resolve("bytes").resolve(String.valueOf(size));
            if (Files.exists(f) && Files.size(f) == size) {
                continue;
            }
            try (OutputStream out = Files.newOutputStream(f)) {
                for (long left = size; left > 0; left -= chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
            }
        }
        ServerCertificate cert = new CertificateGenerator(new SecureRandomSource()).generate(CertificateRequest.defaults(),
                System.currentTimeMillis());
        Files.writeString(dir.resolve("cert.pem"), cert.certificatePem());
        Files.writeString(dir.resolve("key.pem"), cert.privateKeyPem());
        List<String> cmd = new ArrayList<>(List.of(gtlsserver.toString(), "-q", "-d", htdocs.toString(), "127.0.0.1",
                String.valueOf(port), dir.resolve("key.pem").toString(), dir.resolve("cert.pem").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("gtlsserver.log").toFile())
                .start();
        return new NativeAnchor(p, new InetSocketAddress("127.0.0.1", port));
    }

    public InetSocketAddress address() {
        return address;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
