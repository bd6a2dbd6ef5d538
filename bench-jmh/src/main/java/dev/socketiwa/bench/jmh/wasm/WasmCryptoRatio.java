package dev.socketiwa.bench.jmh.wasm;

import dev.socketiwa.quic.wasm.WasmTestBuild;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The portable crypto's throughput in wasm (TeaVM WASM_GC, strict, under Node 24) beside the same loop on this JVM,
 * one after the other in one run, as a wasm/JVM ratio per suite and operation. Compiles and runs through quic-stack's
 * WasmTestBuild, so it needs {@code -Dsocketiwa.testTools=<repo>/test-tools} (bench-jmh/run-jmh.sh passes it).
 *
 * <pre>WasmCryptoRatio [WORK_DIR]</pre>
 * Also writes {@code WORK_DIR/wasm-crypto.tsv} (figure, wasm MB/s, JVM MB/s) for {@link
 * dev.socketiwa.bench.jmh.docs.MicrobenchmarkDocs}.
 */
public final class WasmCryptoRatio {
    private WasmCryptoRatio() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("wasm-crypto");
        Files.createDirectories(dir);
        Map<String, Double> wasm = wasm(WasmCryptoEntry.class, dir);
        Map<String, Double> jvm = jvm(WasmCryptoEntry.MILLIS);
        System.out.print(table(wasm, jvm));
        Files.writeString(dir.resolve("wasm-crypto.tsv"), tsv(wasm, jvm), StandardCharsets.UTF_8);
    }

    /** One line per figure both sides have: name, wasm MB/s, JVM MB/s, tab-separated. */
    public static String tsv(Map<String, Double> wasm, Map<String, Double> jvm) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> e : wasm.entrySet()) {
            Double j = jvm.get(e.getKey());
            if (j != null) {
                sb.append(e.getKey()).append('\t').append(e.getValue()).append('\t').append(j).append('\n');
            }
        }
        return sb.toString();
    }

    /** Compiles the entry to wasm, runs it under Node 24 and reads its figures. */
    public static Map<String, Double> wasm(Class<?> entry, Path dir) throws Exception {
        Path module = WasmTestBuild.compile(entry, dir, "crypto.wasm");
        return CryptoLoopOutput.megabytesPerSecond(WasmTestBuild.runInNode(dir, module));
    }

    /**
     * The same loop on this JVM, its output captured and read the same way. A whole first pass is thrown away: the
     * loop's own short warm-up leaves Bouncy Castle's code to the JIT's first tiers.
     */
    public static Map<String, Double> jvm(long millis) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            PortableCryptoLoop.run(millis);
            bytes.reset();
            PortableCryptoLoop.run(millis);
        } finally {
            System.setOut(saved);
        }
        return CryptoLoopOutput.megabytesPerSecond(bytes.toString(StandardCharsets.UTF_8));
    }

    /** One row per figure both sides have: MB/s in wasm, on the JVM, and wasm/JVM. */
    public static String table(Map<String, Double> wasm, Map<String, Double> jvm) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-36s %12s %12s %10s%n", "portable crypto, 1200-byte packets",
                "wasm MB/s", "JVM MB/s", "wasm/JVM"));
        Map<String, Double> both = new LinkedHashMap<>(wasm);
        both.keySet().retainAll(jvm.keySet());
        for (String key : both.keySet()) {
            double w = wasm.get(key);
            double j = jvm.get(key);
            sb.append(String.format(Locale.ROOT, "%-36s %12.1f %12.1f %10.3f%n", key, w, j, w / j));
        }
        return sb.toString();
    }
}
