package dev.socketiwa.bench.quic;

import dev.socketiwa.bench.udp.LoopbackTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The QUIC and HTTP/3 measurements against several servers in one run: handshakes/s, single-connection echo-stream
 * throughput, single-connection HTTP/3 download, HTTP/3 requests/s over many connections and WebTransport datagram
 * echoes/s. Each measurement runs
 * target after target, so the drift of a noisy machine hits them alike. A target named {@code native} (or the
 * gtlsserver that {@code --with-native} starts) is taken to serve h3 only.
 *
 * <pre>
 * QuicSuite [--smoke|--quick|--full] --target jvm=127.0.0.1:P [--target browser=127.0.0.1:Q] [--with-native]
 *           [--gtlsclient PATH] [--gtlsserver PATH] [--work DIR] [--wait-ready SECONDS] [--json FILE]
 *           [--markdown FILE] [--chart FILE.svg] [--machine TEXT] [--command TEXT]
 * </pre>
 */
public final class QuicSuite {
    static final String NATIVE = "native";
    private static final MarkdownSection SECTION = new MarkdownSection("quic-suite");

    private QuicSuite() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    public static int run(PrintStream out, String... args) {
        QuicProfile profile = QuicProfile.QUICK;
        Map<String, InetSocketAddress> targets = new LinkedHashMap<>();
        boolean withNative = false;
        String gtlsclientPath = null;
        Path gtlsserver = Path.of("/usr/sbin/gtlsserver");
        Path work = Path.of("bench", "target", "run-quic");
        double waitReady = 0;
        Path json = null;
        Path markdown = null;
        Path chart = null;
        String machine = "(not given: pass --machine TEXT)";
        String command = "QuicSuite " + String.join(" ", args);
        Gtlsclient gtlsclient;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--smoke": profile = QuicProfile.SMOKE; break;
                    case "--quick": profile = QuicProfile.QUICK; break;
                    case "--full": profile = QuicProfile.FULL; break;
                    case "--with-native": withNative = true; break;
                    case "--gtlsclient": gtlsclientPath = value(args, ++i, "--gtlsclient"); break;
                    case "--gtlsserver": gtlsserver = Path.of(value(args, ++i, "--gtlsserver")); break;
                    case "--work": work = Path.of(value(args, ++i, "--work")); break;
                    case "--wait-ready": waitReady = Double.parseDouble(value(args, ++i, "--wait-ready")); break;
                    case "--json": json = Path.of(value(args, ++i, "--json")); break;
                    case "--markdown": markdown = Path.of(value(args, ++i, "--markdown")); break;
                    case "--chart": chart = Path.of(value(args, ++i, "--chart")); break;
                    case "--machine": machine = value(args, ++i, "--machine"); break;
                    case "--command": command = value(args, ++i, "--command"); break;
                    case "--target": LoopbackTarget.putNamed(targets, value(args, ++i, "--target")); break;
                    default: throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (targets.isEmpty() && !withNative) {
                throw new IllegalArgumentException("give at least one --target name=host:port, or --with-native");
            }
            if (withNative && targets.containsKey(NATIVE)) {
                throw new IllegalArgumentException("--with-native starts the target 'native': drop --target native=...");
            }
            QuicBenchLimits.check("--wait-ready", waitReady, 0, 600);
            gtlsclient = Gtlsclient.locate(gtlsclientPath);
        } catch (IllegalArgumentException e) { // NumberFormatException included
            System.err.println("quic-suite: " + e.getMessage());
            return 2;
        }
        NativeAnchor anchor = null;
        try {
            Files.createDirectories(work);
            if (withNative) {
                int port = freeUdpPort();
                List<Long> files = new ArrayList<>(Http3Requests.sizes(profile.requestsPerConnection));
                files.add(profile.downloadBytes);
                files.add(1_000_000L); // warm-up
                anchor = NativeAnchor.start(gtlsserver, work.resolve("native"), port, files);
                targets.put(NATIVE, anchor.address());
                out.println("native: ngtcp2 gtlsserver on " + LoopbackTarget.format(anchor.address()));
            }
            QuicResults results = measure(out, profile, targets, gtlsclient, work, waitReady);
            out.println();
            out.print(QuicReport.table(results));
            if (json != null) {
                Files.writeString(json, QuicReport.json(profile, results), StandardCharsets.UTF_8);
            }
            if (chart != null) {
                Files.writeString(chart, QuicReport.chart(results), StandardCharsets.UTF_8);
            }
            if (markdown != null) {
                String link = chart == null ? null : markdown.toAbsolutePath().getParent()
                        .relativize(chart.toAbsolutePath()).toString().replace('\\', '/');
                String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
                SECTION.write(markdown, QuicReport.markdown(profile, results, machine, command, link, date));
            }
            out.println(QuicReport.finalLine(results));
            return results.anyFailed() ? 1 : 0;
        } catch (NotReadyException e) {
            System.err.println("quic-suite: " + e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("quic-suite: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (anchor != null) {
                try {
                    anchor.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static QuicResults measure(PrintStream out, QuicProfile profile, Map<String, InetSocketAddress> targets,
                               Gtlsclient gtlsclient, Path work, double waitReady)
            throws IOException, InterruptedException, NotReadyException {
        QuicResults results = new QuicResults();
        for (Map.Entry<String, InetSocketAddress> t : targets.entrySet()) {
            results.addTarget(t.getKey(), LoopbackTarget.format(t.getValue()));
        }
        for (Map.Entry<String, InetSocketAddress> t : targets.entrySet()) {
            long waited = awaitHandshake(t.getValue(), waitReady);
            out.printf(Locale.ROOT, "%s (%s) completes a QUIC handshake (waited %d ms)%n", t.getKey(),
                    LoopbackTarget.format(t.getValue()), waited);
        }
        for (Map.Entry<String, InetSocketAddress> t : targets.entrySet()) {
            // not recorded: the JIT and first-use costs of each server, so every target starts warm
            HandshakeRate.run(t.getValue(), "h3", 1, 0.5, 20);
            int rounds = HandshakeWarmup.run(t.getValue(), profile.handshakeParallel, profile.handshakeWarmupSeconds);
            if (!isNative(t.getKey())) {
                EchoStreamThroughput.run(t.getValue(), 1 << 20, 30_000);
            }
            Http3Download.run(gtlsclient, t.getValue(), work.resolve("warmup-" + t.getKey()), 1_000_000, 1, 30);
            out.printf(Locale.ROOT, "warmed up %s (%d handshake rounds until the rate settled)%n", t.getKey(), rounds);
        }
        for (String kind : QuicResults.KINDS) {
            for (Map.Entry<String, InetSocketAddress> t : targets.entrySet()) {
                out.printf(Locale.ROOT, "running %-12s against %s...%n", kind, t.getKey());
                Measurement m = measureOne(kind, profile, t.getKey(), t.getValue(), gtlsclient,
                        work.resolve(kind + "-" + t.getKey()));
                results.put(t.getKey(), m);
                out.printf(Locale.ROOT, "  %s: %s (%d ok, %d failed)%n", t.getKey(), m.formatted(), m.succeeded(),
                        m.failed());
            }
        }
        return results;
    }

    static Measurement measureOne(String kind, QuicProfile p, String name, InetSocketAddress target, Gtlsclient gtls,
                                  Path dir) throws IOException, InterruptedException {
        switch (kind) {
            case HandshakeRate.KIND:
                return HandshakeRate.run(target, "h3", p.handshakeParallel, p.handshakeSeconds, 1_000_000);
            case EchoStreamThroughput.KIND:
                return isNative(name) ? Measurement.notApplicable(kind, "gtlsserver has no echo ALPN")
                        : EchoStreamThroughput.run(target, p.echoBytes, 110_000);
            case Http3Download.KIND:
                return Http3Download.run(gtls, target, dir, p.downloadBytes, p.downloadRounds, 110);
            case Http3Requests.KIND:
                return Http3Requests.run(gtls, target, dir, p.requestConnections, p.requestParallel,
                        p.requestsPerConnection, 60);
            case WebTransportDatagramRate.KIND:
                return isNative(name) ? Measurement.notApplicable(kind, "gtlsserver has no WebTransport")
                        : WebTransportDatagramRate.run(target, p.datagramSeconds, p.datagramSize, p.datagramWindow);
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    static int freeUdpPort() throws IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(
                new InetSocketAddress(java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0))) {
            return s.getLocalPort();
        }
    }

    static boolean isNative(String name) {
        return NATIVE.equals(name);
    }

    /** Tries handshakes (ALPN h3) until one completes; returns the milliseconds waited. */
    static long awaitHandshake(InetSocketAddress target, double seconds) throws NotReadyException {
        long start = System.nanoTime();
        long deadline = start + (long) (Math.max(seconds, 2) * 1e9);
        try (ClientConnections client = new ClientConnections(target, "h3")) {
            while (true) {
                var c = client.handshake(1000);
                if (c != null) {
                    client.closeQuickly(c);
                    return (System.nanoTime() - start) / 1_000_000;
                }
                if (System.nanoTime() > deadline) {
                    throw new NotReadyException("no QUIC handshake (ALPN h3) with " + LoopbackTarget.format(target)
                            + " within " + Math.max(seconds, 2) + " s: is the server up?");
                }
            }
        }
    }

    static final class NotReadyException extends Exception {
        NotReadyException(String message) {
            super(message);
        }
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }
}
