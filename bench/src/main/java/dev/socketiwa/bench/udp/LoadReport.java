package dev.socketiwa.bench.udp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one run measured. {@code sent} counts tracked datagrams (with a trailer); {@code answered} the first intact echo
 * of each; {@code lost} is sent minus answered, so a datagram whose only echo came back corrupted counts as lost and as
 * corrupt. Rates are over the run's own window: sent/s from the first to the last send, answered/s from the first send
 * to the last answer.
 */
public record LoadReport(
        LoadMode mode, String target, long seed, long requestedCount, long requestedRate, double requestedSeconds,
        int requestedSize, StopReason stopReason,
        long sent, long answered, long duplicates, long corrupt, long stray, long untrackedSent,
        long untrackedAnswers, long sendErrors, long receiveErrors, String firstError,
        long sendNanos, long answerWindowNanos, long rttP50Nanos, long rttP90Nanos, long rttP99Nanos, long rttMaxNanos,
        long planned, Map<String, Long> mix) {

    /** Datagrams the sender tried to send, tracked or not, including those the socket refused. */
    public long attempted() {
        return sent + untrackedSent + sendErrors;
    }

    /**
     * True when the sender itself fell behind its plan (a busy machine): it tried fewer datagrams than the mode planned
     * although no cap stopped it. The rate then measures the sender, not the echo; the table says so.
     */
    public boolean senderFellBehind() {
        return stopReason == StopReason.COMPLETE && attempted() < planned * 0.98;
    }

    public long lost() {
        return sent - answered;
    }

    public double sentPerSecond() {
        return sendNanos <= 0 ? 0 : sent * 1e9 / sendNanos;
    }

    public double answeredPerSecond() {
        return answerWindowNanos <= 0 ? 0 : answered * 1e9 / answerWindowNanos;
    }

    /**
     * True when nothing came back and the socket reported errors (ICMP port unreachable): the echo was not running
     * during this run, so its figures describe a closed port, not a slow echo.
     */
    public boolean targetDown() {
        return answered == 0 && untrackedAnswers == 0 && sendErrors + receiveErrors > 0;
    }

    /** answered / sent, 0 when nothing was sent. */
    public double answeredRatio() {
        return sent == 0 ? 0 : (double) answered / sent;
    }

    public String toJson() {
        StringBuilder b = new StringBuilder(1024);
        b.append('{');
        field(b, "tool", "socketiwa-bench-udp").append(',');
        field(b, "mode", mode.cliName()).append(',');
        field(b, "target", target).append(',');
        field(b, "seed", seed).append(',');
        b.append("\"requested\":{");
        field(b, "count", requestedCount).append(',');
        field(b, "rate", requestedRate).append(',');
        field(b, "seconds", requestedSeconds).append(',');
        field(b, "size", requestedSize).append("},");
        field(b, "stopReason", stopReason.name().toLowerCase(Locale.ROOT)).append(',');
        field(b, "planned", planned).append(',');
        field(b, "senderFellBehind", senderFellBehind()).append(',');
        field(b, "targetDown", targetDown()).append(',');
        field(b, "sent", sent).append(',');
        field(b, "answered", answered).append(',');
        field(b, "lost", lost()).append(',');
        field(b, "duplicates", duplicates).append(',');
        field(b, "corrupt", corrupt).append(',');
        field(b, "stray", stray).append(',');
        field(b, "untrackedSent", untrackedSent).append(',');
        field(b, "untrackedAnswers", untrackedAnswers).append(',');
        field(b, "sendErrors", sendErrors).append(',');
        field(b, "receiveErrors", receiveErrors).append(',');
        if (firstError != null) {
            field(b, "firstError", firstError).append(',');
        }
        field(b, "sendSeconds", sendNanos / 1e9).append(',');
        field(b, "answerWindowSeconds", answerWindowNanos / 1e9).append(',');
        field(b, "sentPerSecond", round1(sentPerSecond())).append(',');
        field(b, "answeredPerSecond", round1(answeredPerSecond())).append(',');
        field(b, "answeredRatio", answeredRatio()).append(',');
        b.append("\"rttMicros\":{");
        field(b, "p50", rttP50Nanos / 1e3).append(',');
        field(b, "p90", rttP90Nanos / 1e3).append(',');
        field(b, "p99", rttP99Nanos / 1e3).append(',');
        field(b, "max", rttMaxNanos / 1e3).append('}');
        if (!mix.isEmpty()) {
            b.append(",\"mix\":{");
            boolean first = true;
            for (Map.Entry<String, Long> e : mix.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                field(b, e.getKey(), e.getValue());
            }
            b.append('}');
        }
        return b.append('}').toString();
    }

    public String toTable() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("mode", mode.cliName() + " -> " + target + " (seed " + seed + ")");
        rows.put("requested", requestedSummary());
        rows.put("stopped", stopReason.name().toLowerCase(Locale.ROOT));
        rows.put("sent", sent + (untrackedSent > 0 ? " (+" + untrackedSent + " untracked tiny)" : "")
                + " of " + planned + " planned");
        rows.put("answered", answered + String.format(Locale.ROOT, " (%.2f%%)", 100 * answeredRatio()));
        rows.put("lost", Long.toString(lost()));
        rows.put("duplicates", Long.toString(duplicates));
        rows.put("corrupt", Long.toString(corrupt));
        if (stray > 0) {
            rows.put("stray", Long.toString(stray));
        }
        if (untrackedSent > 0 || untrackedAnswers > 0) {
            rows.put("untracked answers", Long.toString(untrackedAnswers));
        }
        if (sendErrors > 0 || receiveErrors > 0) {
            rows.put("errors", "send " + sendErrors + ", receive " + receiveErrors
                    + (firstError != null ? " (first: " + firstError + ")" : ""));
        }
        rows.put("sent/s", String.format(Locale.ROOT, "%,.0f over %.3f s", sentPerSecond(), sendNanos / 1e9));
        rows.put("answered/s", String.format(Locale.ROOT, "%,.0f over %.3f s", answeredPerSecond(),
                answerWindowNanos / 1e9));
        rows.put("RTT us", String.format(Locale.ROOT, "p50 %.1f  p90 %.1f  p99 %.1f  max %.1f", rttP50Nanos / 1e3,
                rttP90Nanos / 1e3, rttP99Nanos / 1e3, rttMaxNanos / 1e3));
        if (!mix.isEmpty()) {
            rows.put("mix", mix.toString());
        }
        if (targetDown()) {
            rows.put("DOWN", "nothing answered and the socket reported " + firstError + ": no echo is running there");
        }
        if (senderFellBehind()) {
            rows.put("WARNING", String.format(Locale.ROOT, "the sender managed only %.1f%% of its plan: the machine is"
                    + " too busy for this rate, so these figures measure the sender", 100.0 * attempted() / planned));
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : rows.entrySet()) {
            b.append(String.format(Locale.ROOT, "%-18s %s%n", e.getKey(), e.getValue()));
        }
        return b.toString();
    }

    private String requestedSummary() {
        switch (mode) {
            case BURST:
                return requestedCount + " datagrams of " + requestedSize + " B, time cap " + requestedSeconds + " s";
            case CONSTANT:
                return requestedRate + "/s for " + requestedSeconds + " s, " + requestedSize + " B, cap "
                        + requestedCount;
            case RAMP:
                return "0 to " + requestedRate + "/s over " + requestedSeconds + " s, " + requestedSize + " B, cap "
                        + requestedCount;
            default:
                return "up to " + requestedRate + "/s for " + requestedSeconds + " s, sizes 1.." + ChaosMix.MAX_SIZE
                        + ", cap " + requestedCount;
        }
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        b.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }

    private static StringBuilder field(StringBuilder b, String name, boolean value) {
        return b.append('"').append(name).append("\":").append(value);
    }

    private static StringBuilder field(StringBuilder b, String name, long value) {
        return b.append('"').append(name).append("\":").append(value);
    }

    private static StringBuilder field(StringBuilder b, String name, double value) {
        b.append('"').append(name).append("\":");
        return Double.isFinite(value) ? b.append(value) : b.append("null");
    }
}
