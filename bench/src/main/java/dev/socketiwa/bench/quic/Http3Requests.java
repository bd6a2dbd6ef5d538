package dev.socketiwa.bench.quic;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Requests per second over many connections: {@code connections} gtlsclient processes, {@code parallel} at a time,
 * each a new connection with {@code perConnection} small requests ({@code GET /bytes/1000}, /bytes/1001, ... so each
 * body is checked). Counts only complete bodies; the time is the whole batch's wall time.
 */
public final class Http3Requests {
    public static final String KIND = "h3-requests";
    static final long FIRST_SIZE = 1000;

    private Http3Requests() {
    }

    public static Measurement run(Gtlsclient client, InetSocketAddress target, Path workDir, int connections,
                                  int parallel, int perConnection, double timeoutSeconds) throws InterruptedException {
        QuicBenchLimits.check("connections", connections, 1, QuicBenchLimits.MAX_CONNECTIONS);
        QuicBenchLimits.check("parallel connections", parallel, 1, QuicBenchLimits.MAX_PARALLEL);
        QuicBenchLimits.check("requests per connection", perConnection, 1, QuicBenchLimits.MAX_REQUESTS_PER_CONNECTION);
        QuicBenchLimits.check("timeout seconds", timeoutSeconds, 1, QuicBenchLimits.MAX_SECONDS);
        List<Long> sizes = sizes(perConnection);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        long start = System.nanoTime();
        List<Future<Gtlsclient.Fetch>> results = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                Path dir = workDir.resolve("c" + (i % parallel) + "-" + i);
                results.add(pool.submit(() -> client.fetch(target, dir, sizes, timeoutSeconds)));
            }
            pool.shutdown();
            if (!pool.awaitTermination((long) (timeoutSeconds * 1000) * (connections / parallel + 1) + 5000,
                    TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                return Measurement.failed(KIND, "the batch did not end in time");
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long ok = 0;
        long failed = 0;
        String problem = null;
        for (Future<Gtlsclient.Fetch> f : results) {
            Gtlsclient.Fetch r;
            try {
                r = f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failed += perConnection;
                problem = problem == null ? String.valueOf(e.getCause()) : problem;
                continue;
            }
            ok += r.complete();
            failed += r.incomplete();
            if (r.problem() != null && problem == null) {
                problem = r.problem();
            }
        }
        if (ok == 0) {
            return Measurement.failed(KIND, problem);
        }
        return new Measurement(KIND, ok / seconds, "req/s", ok, failed, seconds,
                String.format(Locale.ROOT, "%d gtlsclient connections, %d at a time, %d requests of ~1 kB each",
                        connections, parallel, perConnection) + (problem == null ? "" : "; " + problem));
    }

    static List<Long> sizes(int perConnection) {
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < perConnection; i++) {
            sizes.add(FIRST_SIZE + i);
        }
        return sizes;
    }
}
