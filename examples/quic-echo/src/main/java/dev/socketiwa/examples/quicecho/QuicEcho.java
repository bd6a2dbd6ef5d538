package dev.socketiwa.examples.quicecho;

import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.app.SocketIwa;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.CertificateHashes;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.runtime.h3.DemoRoutes;
import dev.socketiwa.runtime.h3.Http3Handler;
import dev.socketiwa.runtime.quic.EchoHandler;
import dev.socketiwa.runtime.quic.QuicServer;

import java.util.Map;

/**
 * QUIC echo server (ALPN {@code echo}) and HTTP/3 demo routes (ALPN {@code h3}: GET /, POST /echo, GET /bytes/n) with a fresh self-signed ECDSA P-256 certificate. JVM only for now: it picks
 * the JCA crypto provider (AES-NI speed); the wasm build will pick the portable one.
 */
public final class QuicEcho {
    private QuicEcho() {
    }

    public static void main(String[] args) {
        ServerCertificate cert = new CertificateGenerator(new SecureRandomSource()).generate(CertificateRequest.defaults(),
                System.currentTimeMillis());
        System.out.println("quic-echo: certificate SHA-256 " + CertificateHashes.hex(cert.sha256()));
        QuicServer server = new QuicServer(new JcaCryptoProvider(), new QuicConfig(), cert.der(), cert.key().toPkcs8Der(),
                Map.of(EchoHandler.ALPN, EchoHandler::new, Http3Handler.ALPN, () -> new Http3Handler(new DemoRoutes())));
        SocketIwa.run(udp -> {
            System.out.println("quic-echo: serving ALPN echo and h3 on " + udp.localEndpoint());
            server.serve(udp);
        }, args);
    }
}
