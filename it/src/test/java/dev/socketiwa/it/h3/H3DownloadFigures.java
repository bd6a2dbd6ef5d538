package dev.socketiwa.it.h3;

import dev.socketiwa.it.tools.Gtlsserver;
import dev.socketiwa.it.tools.PemCertificate;
import dev.socketiwa.it.tools.TestTools;
import dev.socketiwa.runtime.cert.ServerCertificate;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: the figure issue 5 reports, gtlsclient downloading 50 MiB over h3 from our warm JVM server and from
 * gtlsserver, alternating in one run so machine load affects both alike. Prints each round and the medians' ratio,
 * and the CPU time our server thread and gtlsclient spent per download: on a loaded machine wall-clock rates swing by
 * 3x from round to round, CPU time per download much less.
 * Run: {@code java -Dsocketiwa.testTools=test-tools -cp <it test classpath> dev.socketiwa.it.h3.H3DownloadFigures [rounds]}.
 */
public final class H3DownloadFigures {
    private static final int SIZE = 50 * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("h3-figures");
        ServerCertificate cert = PemCertificate.writeNew(dir);
        Files.createDirectories(dir.resolve("htdocs"));
        Files.write(dir.resolve("htdocs/blob"), new byte[SIZE]);
        int gtlsPort;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            gtlsPort = s.getLocalPort();
        }
        Process gtls = Gtlsserver.start(dir, dir.resolve("htdocs"), gtlsPort, dir.resolve("gtlsserver.log"));
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        try (OurH3Server server = new OurH3Server()) {
            Thread.sleep(300);
            download(dir, server.port(), "/bytes/" + SIZE); // warm-up: JIT
            for (int r = 0; r < rounds; r++) {
                long cpu0 = serverThreadCpu();
                double a = download(dir, server.port(), "/bytes/" + SIZE);
                long serverCpu = serverThreadCpu() - cpu0;
                double clientCpuOurs = lastClientCpuMillis;
                double b = download(dir, gtlsPort, "/blob");
                ours.add(a);
                theirs.add(b);
                System.out.printf("round %d: ours %.1f MB/s, gtlsserver %.1f MB/s, ratio %.2f; CPU ms: our server thread %d,"
                                + " gtlsclient %.0f (from ours) / %.0f (from gtlsserver)%n", r + 1, a, b, a / b,
                        serverCpu / 1_000_000, clientCpuOurs, lastClientCpuMillis);
            }
        } finally {
            gtls.destroy();
        }
        double a = median(ours);
        double b = median(theirs);
        System.out.printf("median: ours %.1f MB/s, gtlsserver %.1f MB/s, ratio %.2f (ours %s, gtlsserver %s)%n",
                a, b, a / b, ours, theirs);
    }

    private static double lastClientCpuMillis;

    /** CPU time (ns) of our server's loop thread so far. */
    private static long serverThreadCpu() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("our-h3-server")) {
                return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(t.getId());
            }
        }
        return 0;
    }

    /** MB/s of one gtlsclient download, process start included (as in GtlsClientH3Test); its CPU time via /usr/bin/time. */
    private static double download(Path dir, int port, String path) throws Exception {
        Path dl = dir.resolve("dl");
        Files.createDirectories(dl);
        Path cpu = dir.resolve("cpu.txt");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("/usr/bin/time", "-f", "%U %S", "-o", cpu.toString(),
                TestTools.gtlsclient().toString(), "--exit-on-all-streams-close", "-q",
                "--download", dl.toString(), "127.0.0.1", String.valueOf(port), "https://127.0.0.1:" + port + path)
                .redirectErrorStream(true).redirectOutput(dir.resolve("gtlsclient.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("gtlsclient failed on port " + port + path + ": "
                    + Files.readString(dir.resolve("gtlsclient.log")));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String[] us = Files.readString(cpu).trim().split("\\s+");
        lastClientCpuMillis = (Double.parseDouble(us[us.length - 2]) + Double.parseDouble(us[us.length - 1])) * 1000;
        String name = path.substring(path.lastIndexOf('/') + 1);
        long got = Files.size(dl.resolve(name));
        if (got != SIZE) throw new IllegalStateException("downloaded " + got + " bytes from " + path);
        Files.delete(dl.resolve(name));
        return SIZE / seconds / 1e6;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
