package dev.socketiwa.bench.quic;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ngtcp2's gtlsclient (GnuTLS) as the one HTTP/3 client for every target, the way the native anchor is measured:
 * {@code GET /bytes/N} URIs on one connection, bodies saved with {@code --download DIR} (the file is named after the
 * last path segment) and checked by size afterwards, since {@code -q} prints nothing and a 404 also exits 0.
 */
public final class Gtlsclient {
    private final Path binary;

    public Gtlsclient(Path binary) {
        this.binary = binary;
    }

    /** The binary given, or gtlsclient on the PATH / in /usr/bin; an actionable error when there is none. */
    public static Gtlsclient locate(String given) {
        List<Path> candidates = new ArrayList<>();
        if (given != null) {
            candidates.add(Path.of(given));
        } else {
            String path = System.getenv().getOrDefault("PATH", "");
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "gtlsclient"));
                }
            }
            candidates.add(Path.of("/usr/bin/gtlsclient"));
        }
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return new Gtlsclient(p);
            }
        }
        throw new IllegalArgumentException("gtlsclient not found" + (given == null ? " on the PATH" : " at " + given)
                + ": install ngtcp2's sample client (scripts/setup-test-tools.sh does: apt-get install ngtcp2-client)"
                + " or pass --gtlsclient PATH");
    }

    public Path binary() {
        return binary;
    }

    /** The command for one connection fetching these paths (e.g. /bytes/1000) from the target. */
    public List<String> command(InetSocketAddress target, Path downloadDir, List<String> paths) {
        String host = target.getAddress().getHostAddress();
        String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + target.getPort();
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-q", "--exit-on-all-streams-close",
                "--handshake-timeout=10s", "--timeout=30s", "--download=" + downloadDir, host,
                String.valueOf(target.getPort())));
        for (String p : paths) {
            cmd.add("https://" + authority + p);
        }
        return cmd;
    }

    /** Result of one gtlsclient process: exit status, wall time, and which bodies arrived complete. */
    public record Fetch(int exitCode, double seconds, int complete, int incomplete, String problem) {
        boolean allComplete() {
            return exitCode == 0 && incomplete == 0;
        }
    }

    /**
     * Runs one connection fetching {@code /bytes/<size>} for each size (sizes must differ: the bodies land in files named
     * after them), waits at most timeoutSeconds (then kills it), and checks each body's length.
     */
    public Fetch fetch(InetSocketAddress target, Path downloadDir, List<Long> sizes, double timeoutSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(downloadDir);
        List<String> paths = new ArrayList<>();
        for (long s : sizes) {
            Files.deleteIfExists(downloadDir.resolve(String.valueOf(s)));
            paths.add("/bytes/" + s);
        }
        Path log = downloadDir.resolve("gtlsclient.log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command(target, downloadDir, paths)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            return new Fetch(-1, (System.nanoTime() - start) / 1e9, 0, sizes.size(),
                    "gtlsclient did not finish within " + timeoutSeconds + " s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return check(downloadDir, sizes, p.exitValue(), seconds, Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Counts the bodies saved in full; names what is wrong with the first one that is not. */
    static Fetch check(Path downloadDir, List<Long> sizes, int exitCode, double seconds, String output) throws IOException {
        int complete = 0;
        String problem = exitCode == 0 ? null : "gtlsclient exited with " + exitCode + tail(output);
        for (long s : sizes) {
            Path f = downloadDir.resolve(String.valueOf(s));
            long got = Files.exists(f) ? Files.size(f) : -1;
            if (got == s) {
                complete++;
            } else if (problem == null) {
                problem = got < 0 ? "no body saved for /bytes/" + s + tail(output)
                        : "/bytes/" + s + " came back with " + got + " bytes";
            }
        }
        return new Fetch(exitCode, seconds, complete, sizes.size() - complete, problem);
    }

    private static String tail(String output) {
        String t = output.strip();
        if (t.isEmpty()) {
            return "";
        }
        return ": " + (t.length() > 300 ? "..." + t.substring(t.length() - 300) : t);
    }
}
