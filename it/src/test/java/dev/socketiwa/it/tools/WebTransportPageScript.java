package dev.socketiwa.it.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs one of src/test/node/webtransport-*.mjs: a headless Chromium tab that opens a WebTransport session to
 * {@code url} with {@code optionsText} pasted into its options, and prints {@code RESULT <what happened>}.
 */
public final class WebTransportPageScript {
    private WebTransportPageScript() {
    }

    /**
     * The script's whole output; fails the test when it does not finish within {@code timeoutSeconds}, exits
     * non-zero or prints no RESULT line ({@code context} adds e.g. the server's log to that message).
     */
    public static String run(String script, Path profile, String url, String optionsText, int timeoutSeconds,
                             Supplier<String> context, String... extraArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(TestTools.node().toString(),
                Paths.get("src/test/node", script).toAbsolutePath().toString(),
                TestTools.nodeModules().resolve("puppeteer-core").toString(), TestTools.chromium().toString(),
                profile.toString(), url, optionsText));
        command.addAll(List.of(extraArgs));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = node.getInputStream().readAllBytes();
        if (!node.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail(script + ": the Chromium page did not finish" + context.get());
        }
        String output = new String(out, StandardCharsets.UTF_8);
        if (node.exitValue() != 0 || !output.contains("RESULT ")) {
            fail(script + ": the Chromium page failed:\n" + output + context.get());
        }
        return output;
    }

    /** What follows {@code RESULT } in the output of {@link #run}. */
    public static String result(String output) {
        return output.substring(output.indexOf("RESULT ") + 7).trim();
    }
}
