package dev.socketiwa.bench.jmh.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socketiwa.bench.quic.MarkdownSection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the microbenchmark section of docs/benchmarks.md (between its own markers, the other sections stay): the JMH
 * results as a table (per-operation time, and MB/s where an operation is one 1200-byte packet) and, when given, the
 * portable crypto's wasm/JVM ratio.
 *
 * <pre>MicrobenchmarkDocs --jmh-json FILE [--wasm-tsv FILE] --markdown FILE [--machine TEXT] [--command TEXT]</pre>
 */
public final class MicrobenchmarkDocs {
    static final MarkdownSection SECTION = new MarkdownSection("microbenchmarks");
    private static final int PACKET = 1200;

    private MicrobenchmarkDocs() {
    }

    public static void main(String[] args) {
        Path jmh = null;
        Path wasm = null;
        Path markdown = null;
        String machine = "(not given)";
        String command = "bench-jmh/run-jmh.sh";
        try {
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--jmh-json": jmh = Path.of(need(v, args[i])); i++; break;
                    case "--wasm-tsv": wasm = Path.of(need(v, args[i])); i++; break;
                    case "--markdown": markdown = Path.of(need(v, args[i])); i++; break;
                    case "--machine": machine = need(v, args[i]); i++; break;
                    case "--command": command = need(v, args[i]); i++; break;
                    default: throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (jmh == null || markdown == null) {
                throw new IllegalArgumentException("give --jmh-json FILE and --markdown FILE");
            }
            String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
            String section = render(Files.readString(jmh, StandardCharsets.UTF_8),
                    wasm == null ? null : Files.readString(wasm, StandardCharsets.UTF_8), machine, command, date);
            SECTION.write(markdown, section);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("microbenchmark-docs: " + e.getMessage());
            System.exit(2);
        }
    }

    private static String need(String v, String option) {
        if (v == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return v;
    }

    /**
     * @throws IllegalArgumentException when the JMH file is not JMH's JSON result array, saying so
     */
    public static String render(String jmhJson, String wasmTsv, String machine, String command, String date)
            throws IOException {
        JsonNode results = new ObjectMapper().readTree(jmhJson);
        if (results == null || !results.isArray() || results.isEmpty()) {
            throw new IllegalArgumentException("the JMH results are not a non-empty JSON array (run JMH with -rf json)");
        }
        StringBuilder sb = new StringBuilder("## Microbenchmarks (JMH) and the portable crypto in wasm\n\n");
        sb.append("Measured ").append(date).append(". Machine: ").append(machine).append(". Command: `")
                .append(command).append("`.\n\n");
        sb.append("| benchmark | parameters | ops/s | ns/op | MB/s (1200-byte packets) |\n|---|---|---:|---:|---:|\n");
        for (JsonNode r : results) {
            JsonNode metric = r.path("primaryMetric");
            if (!r.hasNonNull("benchmark") || !metric.hasNonNull("score")) {
                throw new IllegalArgumentException("a JMH result without benchmark or primaryMetric.score: " + r);
            }
            String unit = metric.path("scoreUnit").asText();
            if (!unit.equals("ops/s")) {
                throw new IllegalArgumentException("expected throughput in ops/s, got " + unit);
            }
            String name = r.get("benchmark").asText();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            double ops = metric.get("score").asDouble();
            boolean perPacket = name.startsWith("AeadBenchmark.") || name.contains("Sealed");
            sb.append("| ").append(name).append(" | ").append(params(r.path("params"))).append(" | ")
                    .append(String.format(Locale.ROOT, "%,.0f | %,.1f | ", ops, 1e9 / ops))
                    .append(perPacket ? String.format(Locale.ROOT, "%,.1f", ops * PACKET / 1e6) : "").append(" |\n");
        }
        if (wasmTsv != null) {
            sb.append("\nPortable crypto (Bouncy Castle lightweight API), the same loop compiled to wasm (TeaVM, strict)")
                    .append(" under Node 24 and on this JVM, one after the other:\n\n")
                    .append("| figure | wasm MB/s | JVM MB/s | wasm/JVM |\n|---|---:|---:|---:|\n");
            for (String line : wasmTsv.split("\n")) {
                String[] f = line.split("\t");
                if (f.length != 3) {
                    continue;
                }
                double w = Double.parseDouble(f[1]);
                double j = Double.parseDouble(f[2]);
                sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.3f |%n", f[0], w, j, w / j));
            }
        }
        sb.append("\nJMH's quick mode (1 fork, 1 s warm-up, 2 x 1 s) gives no error bars worth the name; on a shared")
                .append(" machine treat these as orders of magnitude and compare rows of the same run only.\n");
        return sb.toString();
    }

    private static String params(JsonNode params) {
        if (params == null || params.isMissingNode() || params.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> it = params.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().asText());
        }
        return sb.toString();
    }
}
