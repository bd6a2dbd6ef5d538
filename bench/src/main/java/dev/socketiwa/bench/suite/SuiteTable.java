package dev.socketiwa.bench.suite;

import dev.socketiwa.bench.suite.UdpEchoSuite.TargetResult;
import dev.socketiwa.bench.udp.LoadMode;
import dev.socketiwa.bench.udp.LoadReport;
import java.util.List;
import java.util.Locale;

/** Renders suite results: a table of answered/s, loss and RTT per mode and target, ratios, JSON and a final line. */
final class SuiteTable {
    private SuiteTable() {
    }

    static String render(SuiteProfile profile, List<TargetResult> results) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "UDP echo, %s profile (burst %,d x %d B; constant %,d/s; ramp 0-%,d/s;"
                        + " chaos up to %,d/s; %s s each; after a warmup)%n", profile.name().toLowerCase(Locale.ROOT),
                profile == SuiteProfile.SMOKE ? 500 : SuiteProfile.BURST_COUNT, SuiteProfile.SIZE,
                SuiteProfile.CONSTANT_RATE, SuiteProfile.RAMP_RATE, SuiteProfile.CHAOS_MAX_RATE,
                profile.seconds()));
        b.append(String.format(Locale.ROOT, "%-9s %-10s %10s %10s %10s %8s %10s %10s%n", "mode", "target", "sent",
                "answered", "answered/s", "lost%", "p50 us", "p99 us"));
        boolean behind = false;
        for (LoadMode mode : LoadMode.values()) {
            for (TargetResult r : results) {
                LoadReport x = r.report(mode);
                b.append(String.format(Locale.ROOT, "%-9s %-10s %10d %10d %,10.0f %7.2f%% %10.1f %10.1f%s%n",
                        mode.cliName(), r.name(), x.sent(), x.answered(), x.answeredPerSecond(),
                        x.sent() == 0 ? 0 : 100.0 * x.lost() / x.sent(), x.rttP50Nanos() / 1e3,
                        x.rttP99Nanos() / 1e3, x.targetDown() ? "  DOWN" : x.senderFellBehind() ? "  *" : ""));
                behind |= x.senderFellBehind();
            }
        }
        int rounds = results.get(0).runs().get(LoadMode.BURST).size();
        if (rounds > 1) {
            b.append("each row: the median of ").append(rounds).append(" rounds by answered/s")
                    .append(System.lineSeparator());
        }
        if (behind) {
            b.append("* the sender fell more than 2% behind its plan: the machine was too busy, that row measures the"
                    + " sender, not the echo").append(System.lineSeparator());
        }
        for (TargetResult r : results) {
            String note = downNote(r);
            if (note != null) {
                b.append(note).append(System.lineSeparator());
            }
        }
        if (results.size() > 1) {
            b.append(String.format(Locale.ROOT, "%nanswered/s ratio to %s:%n", results.get(0).name()));
            for (int i = 1; i < results.size(); i++) {
                b.append(String.format(Locale.ROOT, "  %-10s", results.get(i).name()));
                for (LoadMode mode : LoadMode.values()) {
                    b.append(String.format(Locale.ROOT, "  %s %.3f", mode.cliName(), ratio(results, i, mode)));
                }
                b.append(System.lineSeparator());
            }
        }
        return b.toString();
    }

    /**
     * Says when a target stopped answering (its app died or closed its socket), in the order the runs were made:
     * rounds, then modes; null while it answered throughout.
     */
    static String downNote(TargetResult r) {
        int rounds = r.runs().get(LoadMode.BURST).size();
        for (int round = 0; round < rounds; round++) {
            for (LoadMode mode : LoadMode.values()) {
                List<LoadReport> runs = r.runs().get(mode);
                if (round < runs.size() && runs.get(round).targetDown()) {
                    return "DOWN: " + r.name() + " stopped answering (" + runs.get(round).firstError() + ") by "
                            + mode.cliName() + (rounds > 1 ? " round " + (round + 1) : "")
                            + "; its later runs measured a closed port";
                }
            }
        }
        return null;
    }

    static boolean anyDown(List<TargetResult> results) {
        return results.stream().anyMatch(r -> downNote(r) != null);
    }

    /** answered/s of target i over the baseline's, for one mode. */
    static double ratio(List<TargetResult> results, int i, LoadMode mode) {
        double base = results.get(0).report(mode).answeredPerSecond();
        return base == 0 ? 0 : results.get(i).report(mode).answeredPerSecond() / base;
    }

    /** The one line the quick mode ends with. */
    static String finalLine(List<TargetResult> results) {
        StringBuilder b = new StringBuilder();
        if (results.size() < 2) {
            b.append("UDP echo ").append(results.get(0).name()).append(" answered/s:");
            for (LoadMode mode : LoadMode.values()) {
                b.append(String.format(Locale.ROOT, " %s %.0f", mode.cliName(),
                        results.get(0).report(mode).answeredPerSecond()));
            }
            return b.append(" (no second target: no ratio)").toString();
        }
        b.append("UDP echo ").append(results.get(1).name()).append('/').append(results.get(0).name())
                .append(" ratio:");
        double logSum = 0;
        for (LoadMode mode : LoadMode.values()) {
            double r = ratio(results, 1, mode);
            logSum += Math.log(Math.max(r, 1e-9));
            b.append(String.format(Locale.ROOT, " %s %.3f", mode.cliName(), r));
        }
        b.append(String.format(Locale.ROOT, " geomean %.3f", Math.exp(logSum / LoadMode.values().length)));
        if (anyDown(results)) {
            b.append(" (INVALID: a home stopped answering, see DOWN above)");
        }
        return b.toString();
    }

    static String json(SuiteProfile profile, long seed, List<TargetResult> results) {
        StringBuilder b = new StringBuilder();
        b.append("{\"suite\":\"udp-echo\",\"profile\":\"").append(profile.name().toLowerCase(Locale.ROOT))
                .append("\",\"seed\":").append(seed).append(",\"targets\":[");
        for (int i = 0; i < results.size(); i++) {
            TargetResult r = results.get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"name\":\"").append(r.name()).append("\",\"address\":\"").append(r.address())
                    .append("\",\"runs\":[");
            boolean first = true;
            for (LoadReport x : r.allRuns()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                b.append(x.toJson());
            }
            b.append("]");
            if (i > 0) {
                b.append(",\"ratioToBaseline\":{");
                boolean f = true;
                for (LoadMode mode : LoadMode.values()) {
                    if (!f) {
                        b.append(',');
                    }
                    f = false;
                    b.append('"').append(mode.cliName()).append("\":").append(ratio(results, i, mode));
                }
                b.append('}');
            }
            b.append('}');
        }
        return b.append("]}\n").toString();
    }
}
