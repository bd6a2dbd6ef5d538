package dev.socketiwa.examples.quicecho;

import dev.socketiwa.examples.quicecho.jvm.JvmServices;
import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.app.Home;
import dev.socketiwa.runtime.app.SocketIwa;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateHashes;
import dev.socketiwa.runtime.cert.CertificateLifecycle;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.KeyValueCertificateStore;
import dev.socketiwa.runtime.cert.RotationPolicy;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.cert.browser.IwaStorage;
import dev.socketiwa.runtime.cert.browser.PageCertificates;
import dev.socketiwa.runtime.h3.DemoRoutes;
import dev.socketiwa.runtime.h3.Http3Handler;
import dev.socketiwa.runtime.h3.WebTransportEcho;
import dev.socketiwa.runtime.quic.EchoHandler;
import dev.socketiwa.runtime.quic.HomeCrypto;
import dev.socketiwa.runtime.quic.QuicHandler;
import dev.socketiwa.runtime.quic.QuicServer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * QUIC server with a fresh self-signed ECDSA P-256 certificate, the same app on both homes: ALPN {@code echo}
 * everywhere (each bidirectional stream and each datagram comes back), ALPN {@code h3} with the demo routes (GET /,
 * POST /echo, GET /bytes/n, and WebTransport at /wt echoing datagrams, bidirectional streams on themselves and
 * unidirectional streams on a new one, logging each session's close code and reason), plus ALPN {@code hq-interop}
 * on the JVM, where
 * files exist ({@code --www DIR} or {@code -Dsocketiwa.www=DIR}, else a small built-in page).
 */
public final class QuicEcho {
    private QuicEcho() {
    }

    public static void main(String[] args) {
        QuicServer server = server(args);
        SocketIwa.run(udp -> {
            System.out.println("quic-echo: serving ALPN " + String.join(", ", server.alpns()) + " on " + udp.localEndpoint());
            server.serve(udp);
        }, args);
    }

    /** The app's server, not yet serving: the JVM tests run it on their own socket. */
    public static QuicServer server(String[] args) {
        ServerCertificate cert = certificate();
        return server(cert, args, System.out::println);
    }

    /**
     * The app's server with a given certificate (a WebTransport client pins its hash), its WebTransport log lines
     * going to {@code log}.
     */
    public static QuicServer server(ServerCertificate cert, String[] args, Consumer<String> log) {
        // concat, not +: TeaVM's string concatenation goes through append(Object), which drags in Bouncy Castle's
        // Time.toString and with it java.util.SimpleTimeZone, absent from TeaVM's class library.
        System.out.println("quic-echo: certificate SHA-256 ".concat(CertificateHashes.hex(cert.sha256())));
        Map<String, Supplier<QuicHandler>> services = new LinkedHashMap<>();
        services.put(EchoHandler.ALPN, EchoHandler::new);
        WebTransportEcho webTransport = new WebTransportEcho(log);
        services.put(Http3Handler.ALPN, () -> new Http3Handler(new DemoRoutes(webTransport)));
        // Constant-folded by TeaVM: the file-backed service and its java.nio code stay out of the wasm build.
        if (!Home.isBrowser()) {
            JvmServices.addHqInterop(services, args);
        }
        return new QuicServer(HomeCrypto.provider(), new QuicConfig(), cert.der(), cert.key().toPkcs8Der(), services,
                HomeCrypto.suitePreference());
    }

    /**
     * In the browser: the certificate kept in the IWA's own storage (created on the first start, the same after a
     * reload), published to the page for WebTransport clients to pin. On the JVM: a fresh one per start.
     * TODO(cert): QuicServer serving lifecycle.select(now) per connection, so rotation reaches new connections.
     */
    private static ServerCertificate certificate() {
        CertificateGenerator generator = new CertificateGenerator(new SecureRandomSource());
        if (!Home.isBrowser()) {
            return generator.generate(CertificateRequest.defaults(), System.currentTimeMillis());
        }
        KeyValueCertificateStore store = new KeyValueCertificateStore(new IwaStorage());
        // Damaged content there can only come from an interrupted write of ours: replace it rather than not start.
        CertificateLifecycle lifecycle = new CertificateLifecycle(store, generator, CertificateRequest.defaults(),
                RotationPolicy.defaults(), CertificateLifecycle.CorruptStorePolicy.REGENERATE);
        lifecycle.addListener(new PageCertificates());
        boolean fresh = store.load().current() == null;
        long start = System.nanoTime();
        lifecycle.start();
        long micros = (System.nanoTime() - start) / 1000;
        System.out.println("quic-echo: certificate ".concat(fresh ? "created" : "loaded").concat(" in ")
                .concat(Long.toString(micros / 1000)).concat(".").concat(Long.toString(micros / 100 % 10))
                .concat(" ms, kept in ").concat(store.location()));
        if (lifecycle.storeProblem() != null) {
            System.out.println("quic-echo: replaced damaged stored certificates: ".concat(lifecycle.storeProblem()));
        }
        return lifecycle.select();
    }
}
