package dev.socketiwa.bench.suite;

import dev.socketiwa.bench.udp.LoadMode;
import dev.socketiwa.bench.udp.LoadReport;
import dev.socketiwa.bench.udp.LoopbackTarget;
import dev.socketiwa.bench.udp.UdpLoadRun;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the four load modes against one or more UDP echo servers and prints answered datagrams per second side by side,
 * with each target's ratio to the first (the baseline, normally the JVM). Modes run target after target for each mode,
 * so slow drift of a noisy machine hits every target alike; with {@code --repeat N} the whole sequence runs N times and
 * each figure is the run with the median answered/s.
 *
 * <pre>
 * UdpEchoSuite [--quick|--full|--smoke] [--repeat N] [--seed S] [--json FILE] [--wait-ready SECONDS]
 *              [--markdown FILE] [--chart FILE.svg] [--machine TEXT] [--command TEXT]
 *              --target jvm=127.0.0.1:P [--target browser=127.0.0.1:Q]
 * </pre>
 */
public final class UdpEchoSuite {
    private UdpEchoSuite() {
    }

    /** One target's runs, by mode (several with --repeat). */
    public record TargetResult(String name, String address, Map<LoadMode, List<LoadReport>> runs) {
        /** The run with the median answered/s for a mode (the lower middle one for an even count). */
        public LoadReport report(LoadMode mode) {
            List<LoadReport> sorted = new ArrayList<>(runs.get(mode));
            sorted.sort(Comparator.comparingDouble(LoadReport::answeredPerSecond));
            return sorted.get((sorted.size() - 1) / 2);
        }

        public List<LoadReport> allRuns() {
            List<LoadReport> all = new ArrayList<>();
            runs.values().forEach(all::addAll);
            return all;
        }
    }

    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    public static int run(PrintStream out, String... args) {
        SuiteProfile profile = SuiteProfile.QUICK;
        long seed = 20_261_122L;
        Path json = null;
        long waitReadyMillis = 0;
        int repeat = 1;
        Path markdown = null;
        Path chart = null;
        String machine = "(not given: pass --machine TEXT)";
        String command = "UdpEchoSuite " + String.join(" ", args);
        Map<String, InetSocketAddress> targets = new LinkedHashMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--smoke": profile = SuiteProfile.SMOKE; break;
                    case "--quick": profile = SuiteProfile.QUICK; break;
                    case "--full": profile = SuiteProfile.FULL; break;
                    case "--seed": seed = Long.parseLong(value(args, ++i, "--seed")); break;
                    case "--json": json = Path.of(value(args, ++i, "--json")); break;
                    case "--markdown": markdown = Path.of(value(args, ++i, "--markdown")); break;
                    case "--chart": chart = Path.of(value(args, ++i, "--chart")); break;
                    case "--machine": machine = value(args, ++i, "--machine"); break;
                    case "--command": command = value(args, ++i, "--command"); break;
                    case "--repeat": repeat = Integer.parseInt(value(args, ++i, "--repeat")); break;
                    case "--wait-ready": waitReadyMillis = 1000 * Long.parseLong(value(args, ++i, "--wait-ready")); break;
                    case "--target": {
                        String t = value(args, ++i, "--target");
                        int eq = t.indexOf('=');
                        if (eq <= 0 || !t.substring(0, eq).matches("[A-Za-z0-9_-]{1,10}")) {
                            throw new IllegalArgumentException("--target wants name=host:port with a short name of"
                                    + " letters, digits, - or _, e.g. jvm=127.0.0.1:4433");
                        }
                        targets.put(t.substring(0, eq), LoopbackTarget.parse(t.substring(eq + 1)));
                        break;
                    }
                    default: throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (repeat < 1 || repeat > 9) {
                throw new IllegalArgumentException("--repeat must be 1..9");
            }
            if (chart != null && targets.size() < 2) {
                throw new IllegalArgumentException("--chart draws ratios: give two --target options");
            }
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("give at least one --target name=host:port (the first is the baseline)");
            }
        } catch (IllegalArgumentException e) { // NumberFormatException included
            System.err.println("udp-echo-suite: " + e.getMessage());
            return 2;
        }
        List<TargetResult> results = new ArrayList<>();
        for (Map.Entry<String, InetSocketAddress> t : targets.entrySet()) {
            results.add(new TargetResult(t.getKey(), LoopbackTarget.format(t.getValue()), new LinkedHashMap<>()));
        }
        try {
            if (waitReadyMillis > 0) {
                for (TargetResult r : results) {
                    long took = EchoReadiness.await(targets.get(r.name()), waitReadyMillis);
                    out.printf(Locale.ROOT, "%s (%s) answers (waited %d ms)%n", r.name(), r.address(), took);
                }
            }
            for (TargetResult r : results) {
                LoadReport w = UdpLoadRun.run(profile.warmup(targets.get(r.name()), seed));
                out.printf(Locale.ROOT, "warmed up %s: %d of %d answered (not recorded)%n", r.name(), w.answered(),
                        w.sent());
            }
            for (int round = 1; round <= repeat; round++) {
                for (LoadMode mode : LoadMode.values()) {
                    for (TargetResult r : results) {
                        out.printf(Locale.ROOT, "running %-8s against %s (%s)%s...%n", mode.cliName(), r.name(),
                                r.address(), repeat > 1 ? ", round " + round + " of " + repeat : "");
                        LoadReport report = UdpLoadRun.run(profile.config(mode, targets.get(r.name()), seed));
                        r.runs().computeIfAbsent(mode, m -> new ArrayList<>()).add(report);
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("udp-echo-suite: a run failed: " + e.getMessage());
            return 1;
        }
        out.println();
        out.print(SuiteTable.render(profile, results));
        if (json != null) {
            try {
                Files.writeString(json, SuiteTable.json(profile, seed, results), StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("udp-echo-suite: cannot write " + json + ": " + e);
                return 1;
            }
        }
        try {
            if (chart != null) {
                Files.writeString(chart, SuiteMarkdown.chart(results), StandardCharsets.UTF_8);
            }
            if (markdown != null) {
                String chartLink = chart == null ? null : relativeLink(markdown, chart);
                String previous = Files.exists(markdown) ? Files.readString(markdown, StandardCharsets.UTF_8) : "";
                Files.writeString(markdown, SuiteMarkdown.keepOtherSections(
                        SuiteMarkdown.render(profile, seed, results, machine, command, chartLink), previous),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            System.err.println("udp-echo-suite: cannot write the Markdown or chart: " + e);
            return 1;
        }
        out.println(SuiteTable.finalLine(results));
        return SuiteTable.anyDown(results) ? 1 : 0;
    }

    private static String relativeLink(Path markdown, Path chart) {
        Path dir = markdown.toAbsolutePath().getParent();
        return dir.relativize(chart.toAbsolutePath()).toString().replace('\\', '/');
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }
}
