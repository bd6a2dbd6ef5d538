package dev.socketiwa.bench.jmh.wasm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@link PortableCryptoLoop}'s lines into MB/s per "SUITE op"; other lines (runtime noise) are ignored. */
public final class CryptoLoopOutput {
    private static final Pattern LINE = Pattern.compile("^crypto (TLS_[A-Z0-9_]+) (seal|open) (\\d+) (\\d+)$",
            Pattern.MULTILINE);

    private CryptoLoopOutput() {
    }

    /**
     * @throws IllegalArgumentException when no measurement line is present or one has a zero duration: the run
     *     failed, and the message shows what it printed instead
     */
    public static Map<String, Double> megabytesPerSecond(String output) {
        Map<String, Double> figures = new LinkedHashMap<>();
        Matcher m = LINE.matcher(output.replace("\r", ""));
        while (m.find()) {
            long bytes = Long.parseLong(m.group(3));
            long nanos = Long.parseLong(m.group(4));
            if (nanos <= 0) {
                throw new IllegalArgumentException("a measurement with no duration: " + m.group());
            }
            figures.put(m.group(1) + " " + m.group(2), bytes / (nanos / 1e9) / 1e6);
        }
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("no 'crypto SUITE op BYTES NANOS' line in the output:\n" + output);
        }
        return figures;
    }
}
