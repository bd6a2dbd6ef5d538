package dev.socketiwa.bench.quic;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Single-connection bulk HTTP/3 download: gtlsclient fetches {@code GET /bytes/N} once per round; the figure is N
 * bytes over the process's wall time (so it includes starting gtlsclient and the handshake, the same for every
 * target), the median of the rounds.
 */
public final class Http3Download {
    public static final String KIND = "h3-download";

    private Http3Download() {
    }

    public static Measurement run(Gtlsclient client, InetSocketAddress target, Path workDir, long bytes, int rounds,
                                  double timeoutSeconds) throws IOException, InterruptedException {
        QuicBenchLimits.check("download bytes", bytes, 1, QuicBenchLimits.MAX_BYTES);
        QuicBenchLimits.check("rounds", rounds, 1, 9);
        QuicBenchLimits.check("timeout seconds", timeoutSeconds, 1, QuicBenchLimits.MAX_SECONDS);
        List<Double> times = new ArrayList<>();
        int failed = 0;
        String problem = null;
        for (int r = 0; r < rounds; r++) {
            Gtlsclient.Fetch f = client.fetch(target, workDir, List.of(bytes), timeoutSeconds);
            if (f.allComplete()) {
                times.add(f.seconds());
            } else {
                failed++;
                problem = problem == null ? f.problem() : problem;
            }
        }
        if (times.isEmpty()) {
            return Measurement.failed(KIND, problem);
        }
        times.sort(Comparator.naturalOrder());
        double median = times.get((times.size() - 1) / 2);
        return new Measurement(KIND, bytes * 8 / median / 1e6, "Mbit/s", times.size(), failed, median,
                String.format(Locale.ROOT, "gtlsclient GET /bytes/%d, median of %d, wall time incl. process start and"
                        + " handshake", bytes, times.size()) + (problem == null ? "" : "; " + problem));
    }
}
