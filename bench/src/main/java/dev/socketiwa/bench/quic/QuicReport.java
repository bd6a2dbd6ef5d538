package dev.socketiwa.bench.quic;

import java.util.List;
import java.util.Locale;

/** The QUIC suite's outputs: a plain-text table, the final ratio line, JSON, the Markdown section and the SVG chart. */
public final class QuicReport {
    private QuicReport() {
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.3f", r);
    }

    public static String table(QuicResults results) {
        StringBuilder sb = new StringBuilder();
        List<String> targets = results.targets();
        sb.append(String.format(Locale.ROOT, "%-12s", "measurement"));
        for (String t : targets) {
            sb.append(String.format(Locale.ROOT, " %16s", t));
        }
        for (String[] p : results.ratioPairs()) {
            sb.append(String.format(Locale.ROOT, " %15s", p[0] + "/" + p[1]));
        }
        sb.append('\n');
        for (String kind : QuicResults.KINDS) {
            sb.append(String.format(Locale.ROOT, "%-12s", kind));
            for (String t : targets) {
                sb.append(String.format(Locale.ROOT, " %16s", results.get(t, kind).formatted()));
            }
            for (String[] p : results.ratioPairs()) {
                sb.append(String.format(Locale.ROOT, " %15s", ratio(results.ratio(kind, p[0], p[1]))));
            }
            sb.append('\n');
        }
        for (String t : targets) {
            for (String kind : QuicResults.KINDS) {
                Measurement m = results.get(t, kind);
                if (m.failed() > 0 || !m.hasValue()) {
                    sb.append(String.format(Locale.ROOT, "  %s %s: %d ok, %d failed; %s%n", t, kind, m.succeeded(),
                            m.failed(), m.detail()));
                }
            }
        }
        return sb.toString();
    }

    /** One line a script can grep: browser/JVM per measurement (or JVM/native when there is no browser). */
    public static String finalLine(QuicResults results) {
        List<String[]> pairs = results.ratioPairs();
        if (pairs.isEmpty()) {
            return "QUIC suite: one target only, no ratio";
        }
        String[] p = pairs.get(0);
        StringBuilder sb = new StringBuilder("QUIC " + p[0] + "/" + p[1] + " ratio:");
        for (String kind : QuicResults.KINDS) {
            sb.append(' ').append(kind).append(' ').append(ratio(results.ratio(kind, p[0], p[1])));
        }
        return sb.toString();
    }

    public static String json(QuicProfile profile, QuicResults results) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"suite\":\"quic\",\"profile\":\"").append(profile.cliName()).append("\",\"targets\":[");
        List<String> targets = results.targets();
        for (int i = 0; i < targets.size(); i++) {
            String t = targets.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"name\":").append(str(t)).append(",\"address\":")
                    .append(str(results.address(t))).append(",\"measurements\":[");
            for (int k = 0; k < QuicResults.KINDS.size(); k++) {
                Measurement m = results.get(t, QuicResults.KINDS.get(k));
                sb.append(k == 0 ? "" : ",").append("{\"kind\":").append(str(m.kind()))
                        .append(",\"value\":").append(m.hasValue() ? num(m.value()) : "null")
                        .append(",\"unit\":").append(str(m.unit()))
                        .append(",\"succeeded\":").append(m.succeeded())
                        .append(",\"failed\":").append(m.failed())
                        .append(",\"seconds\":").append(num(m.seconds()))
                        .append(",\"detail\":").append(str(m.detail())).append('}');
            }
            sb.append("]}");
        }
        sb.append("],\"ratios\":{");
        boolean first = true;
        for (String[] p : results.ratioPairs()) {
            for (String kind : QuicResults.KINDS) {
                double r = results.ratio(kind, p[0], p[1]);
                sb.append(first ? "" : ",").append(str(p[0] + "/" + p[1] + " " + kind)).append(':')
                        .append(Double.isNaN(r) ? "null" : num(r));
                first = false;
            }
        }
        return sb.append("}}\n").toString();
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.6g", d);
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }

    /** The docs/benchmarks.md section (without the markers). */
    public static String markdown(QuicProfile profile, QuicResults results, String machine, String command,
                                  String chartLink, String date) {
        StringBuilder sb = new StringBuilder();
        sb.append("## QUIC and HTTP/3\n\n");
        sb.append("Measured ").append(date).append(", profile `").append(profile.cliName()).append("`, all targets in one run,")
                .append(" loopback only.\n\n");
        sb.append("- Machine: ").append(machine).append('\n');
        sb.append("- Command: `").append(command).append("`\n");
        for (String t : results.targets()) {
            sb.append("- `").append(t).append("`: ").append(describe(t)).append(" on ").append(results.address(t)).append('\n');
        }
        sb.append('\n');
        sb.append("| measurement | client | ");
        for (String t : results.targets()) {
            sb.append(t).append(" | ");
        }
        for (String[] p : results.ratioPairs()) {
            sb.append(p[0]).append('/').append(p[1]).append(" | ");
        }
        sb.append('\n').append("|---|---|");
        for (int i = 0; i < results.targets().size() + results.ratioPairs().size(); i++) {
            sb.append("---:|");
        }
        sb.append('\n');
        for (String kind : QuicResults.KINDS) {
            sb.append("| ").append(label(kind, profile)).append(" | ").append(client(kind)).append(" | ");
            for (String t : results.targets()) {
                sb.append(results.get(t, kind).formatted()).append(" | ");
            }
            for (String[] p : results.ratioPairs()) {
                sb.append(ratio(results.ratio(kind, p[0], p[1]))).append(" | ");
            }
            sb.append('\n');
        }
        sb.append('\n');
        if (chartLink != null) {
            sb.append("![QUIC ratios](").append(chartLink).append(")\n\n");
        }
        sb.append("How each figure is taken: handshakes/s = full 1-RTT handshakes (to HANDSHAKE_DONE) of parallel clients,")
                .append(" each closed at once; echo-stream = one bidirectional stream echoed back, payload one way,")
                .append(" handshake excluded; h3-download = gtlsclient's wall time (process start and handshake included)")
                .append(" for one `GET /bytes/N`, median of the rounds; h3-requests = complete ~1 kB bodies per second over")
                .append(" many short gtlsclient connections (ngtcp2's sample client adds a fixed delay per connection, the")
                .append(" same for every target); wt-datagrams = datagrams echoed per second on one WebTransport session")
                .append(" (`CONNECT /wt`) with a bounded window of unanswered ones. The native anchor (ngtcp2 gtlsserver)")
                .append(" serves only h3, hence no echo or WebTransport figure.")
                .append(" Higher is better everywhere.\n");
        String problems = problems(results);
        if (!problems.isEmpty()) {
            sb.append("\nIncomplete or failed operations in this run:\n\n").append(problems);
        }
        return sb.toString().replace(" \n", "\n");
    }

    private static String problems(QuicResults results) {
        StringBuilder sb = new StringBuilder();
        for (String t : results.targets()) {
            for (String kind : QuicResults.KINDS) {
                Measurement m = results.get(t, kind);
                if (m.failed() > 0 || (!m.hasValue() && !m.detail().startsWith("n/a"))) {
                    sb.append("- ").append(t).append(' ').append(kind).append(": ").append(m.succeeded()).append(" ok, ")
                            .append(m.failed()).append(" failed; ").append(m.detail().replace("|", "\\|")).append('\n');
                }
            }
        }
        return sb.toString();
    }

    static String describe(String target) {
        switch (target) {
            case "jvm": return "examples/quic-echo on the JVM (`socketiwa:run`, JCA crypto)";
            case "browser": return "the same app compiled to wasm, an Isolated Web App in headless Chromium"
                    + " (Direct Sockets, portable crypto)";
            case "native": return "ngtcp2 0.12 `gtlsserver` (GnuTLS), the native anchor";
            default: return "a QUIC server";
        }
    }

    static String client(String kind) {
        switch (kind) {
            case HandshakeRate.KIND:
            case EchoStreamThroughput.KIND: return "our QuicClient (JCA)";
            case WebTransportDatagramRate.KIND: return "our HTTP/3 client (JCA)";
            default: return "ngtcp2 gtlsclient";
        }
    }

    static String label(String kind, QuicProfile p) {
        switch (kind) {
            case HandshakeRate.KIND: return "handshakes/s, " + p.handshakeParallel + " parallel, ALPN h3";
            case EchoStreamThroughput.KIND: return "echo stream, " + (p.echoBytes >> 20 > 0 ? (p.echoBytes >> 20) + " MiB"
                    : (p.echoBytes >> 10) + " KiB") + ", Mbit/s";
            case Http3Download.KIND: return "HTTP/3 download, " + p.downloadBytes / 1_000_000 + " MB, Mbit/s";
            case Http3Requests.KIND: return "HTTP/3 requests/s, " + p.requestConnections + " conns x "
                    + p.requestsPerConnection;
            case WebTransportDatagramRate.KIND: return "WebTransport datagram echoes/s, " + p.datagramSize + " B, window "
                    + p.datagramWindow;
            default: return kind;
        }
    }

    /** Horizontal bars of the ratios per measurement, with the parity line at 1.0. */
    public static String chart(QuicResults results) {
        List<String[]> pairs = results.ratioPairs();
        String[] colours = {"#4e79a7", "#f28e2b", "#59a14f"};
        double max = 1.0;
        for (String kind : QuicResults.KINDS) {
            for (String[] p : pairs) {
                double r = results.ratio(kind, p[0], p[1]);
                if (!Double.isNaN(r)) {
                    max = Math.max(max, r);
                }
            }
        }
        max = Math.min(Math.ceil(max * 4) / 4, 10);
        int left = 150;
        int width = 420;
        int bar = 14;
        int rowHeight = pairs.size() * (bar + 2) + 14;
        int top = 30;
        int height = top + QuicResults.KINDS.size() * rowHeight + 20 + pairs.size() * 16;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", left + width + 60, height));
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append("<text x=\"10\" y=\"18\" font-size=\"14\">QUIC and HTTP/3: ratios measured in one run (1.0 = parity)</text>\n");
        for (int k = 0; k < QuicResults.KINDS.size(); k++) {
            String kind = QuicResults.KINDS.get(k);
            int y = top + k * rowHeight;
            sb.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + 12, kind));
            for (int i = 0; i < pairs.size(); i++) {
                double r = results.ratio(kind, pairs.get(i)[0], pairs.get(i)[1]);
                int by = y + i * (bar + 2);
                if (Double.isNaN(r)) {
                    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#888\">n/a</text>%n", left + 4,
                            by + 11));
                    continue;
                }
                int w = (int) Math.round(Math.min(r, max) / max * width);
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                        left, by, Math.max(1, w), bar, colours[i % colours.length]));
                sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.3f</text>%n", left + w + 4, by + 11, r));
            }
        }
        int x1 = left + (int) Math.round(1.0 / max * width);
        int bottom = top + QuicResults.KINDS.size() * rowHeight;
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\""
                + " stroke-dasharray=\"4 3\"/>%n", x1, top - 4, x1, bottom));
        for (int i = 0; i < pairs.size(); i++) {
            int ly = bottom + 10 + i * 16;
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s/%s</text>%n", left, ly, colours[i % colours.length], left + 16, ly + 10,
                    pairs.get(i)[0], pairs.get(i)[1]));
        }
        return sb.append("</svg>\n").toString();
    }
}
