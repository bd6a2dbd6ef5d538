package dev.socketiwa.examples.quicecho;

import dev.socketiwa.examples.quicecho.jvm.JvmServices;
import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.app.Home;
import dev.socketiwa.runtime.app.SocketIwa;
import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateHashes;
import dev.socketiwa.runtime.cert.CertificateLifecycle;
import dev.socketiwa.runtime.cert.HomeCertificates;
import dev.socketiwa.runtime.cert.InMemoryCertificateStore;
import dev.socketiwa.runtime.cert.PemPair;
import dev.socketiwa.runtime.cert.PublishedCertificate;
import dev.socketiwa.runtime.cert.ServerCertificate;
import dev.socketiwa.runtime.cert.StoredCertificates;
import dev.socketiwa.runtime.cert.browser.PageCertificates;
import dev.socketiwa.runtime.h3.DemoRoutes;
import dev.socketiwa.runtime.h3.Http3Handler;
import dev.socketiwa.runtime.h3.WebTransportEcho;
import dev.socketiwa.runtime.quic.EchoHandler;
import dev.socketiwa.runtime.quic.HomeCrypto;
import dev.socketiwa.runtime.quic.QuicHandler;
import dev.socketiwa.runtime.quic.QuicServer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * QUIC server with a WebTransport-acceptable certificate (self-signed ECDSA P-256, 13 days, rotated with a 3-day
 * overlap) kept in the home's storage, so a restart keeps the hash: on the JVM {@code .socketiwa/} in the working
 * directory ({@code --cert-dir DIR} or {@code -Dsocketiwa.certDir=DIR}; {@code mvn socketiwa:run} uses the project's
 * {@code .socketiwa/}); in the browser see {@link HomeCertificates}. The hashes to pin and the client snippet are
 * printed at start and on every change. The same app on both homes: ALPN {@code echo}
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
        return server(args, HomeCertificates.lifecycle(args, new SecureRandomSource()), System.out::println);
    }

    /** The app's server with the given certificates (tests pass a lifecycle on a test clock or store). */
    public static QuicServer server(String[] args, CertificateLifecycle certificates) {
        return server(args, certificates, System.out::println);
    }

    /**
     * The app's server starting with a given certificate (a WebTransport client pins its hash; it is kept in memory
     * and rotated like any other), its WebTransport log lines going to {@code log}.
     */
    public static QuicServer server(ServerCertificate cert, String[] args, Consumer<String> log) {
        InMemoryCertificateStore store = new InMemoryCertificateStore();
        store.save(new StoredCertificates(PemPair.of(cert), null));
        return server(args, new CertificateLifecycle(store, new CertificateGenerator(new SecureRandomSource())), log);
    }

    /** The app's server with the given certificates, its WebTransport log lines going to {@code log}. */
    public static QuicServer server(String[] args, CertificateLifecycle certificates, Consumer<String> log) {
        Map<String, Supplier<QuicHandler>> services = new LinkedHashMap<>();
        services.put(EchoHandler.ALPN, EchoHandler::new);
        WebTransportEcho webTransport = new WebTransportEcho(log);
        services.put(Http3Handler.ALPN, () -> new Http3Handler(new DemoRoutes(webTransport)));
        // Constant-folded by TeaVM: the file-backed service and its java.nio code stay out of the wasm build.
        if (!Home.isBrowser()) {
            JvmServices.addHqInterop(services, args);
        }
        System.out.println("quic-echo: certificates kept in ".concat(certificates.storeLocation()));
        startTimed(certificates);
        QuicServer server = new QuicServer(HomeCrypto.provider(), new QuicConfig(), certificates, services,
                HomeCrypto.suitePreference());
        server.addHashesListener(QuicEcho::printHashes);
        // Constant-folded by TeaVM: the page (shim imports) exists only in the browser.
        if (Home.isBrowser()) {
            server.addHashesListener(new PageCertificates());
        }
        return server;
    }

    /**
     * Logs what clients pin: one line per published certificate, then the snippet for {@code new WebTransport(url,
     * {...})}. Tests read the lines starting "quic-echo: pin ". concat, not +: TeaVM's string concatenation goes
     * through append(Object), which drags in Bouncy Castle's Time.toString and java.util.SimpleTimeZone.
     */
    static void printHashes(List<PublishedCertificate> published) {
        System.out.println("quic-echo: certificate hashes to pin (".concat(Integer.toString(published.size()))
                .concat(published.size() > 1 ? ", rotation overlap: either works)" : ")"));
        for (PublishedCertificate c : published) {
            System.out.println("quic-echo: pin ".concat(CertificateHashes.describe(c)));
        }
        System.out.println("quic-echo: ".concat(CertificateHashes.serverCertificateHashesSnippet(published)));
    }

    /** Starts the lifecycle (loads or creates the certificate) and logs which it was and how long it took. */
    private static void startTimed(CertificateLifecycle certificates) {
        if (certificates.isStarted()) return;
        long start = System.nanoTime();
        certificates.start();
        long micros = (System.nanoTime() - start) / 1000;
        System.out.println("quic-echo: certificate ".concat(certificates.createdOnStart() ? "created" : "loaded")
                .concat(" in ").concat(Long.toString(micros / 1000)).concat(".").concat(Long.toString(micros / 100 % 10))
                .concat(" ms"));
        if (certificates.storeProblem() != null) {
            System.out.println("quic-echo: replaced damaged stored certificates: ".concat(certificates.storeProblem()));
        }
    }
}
