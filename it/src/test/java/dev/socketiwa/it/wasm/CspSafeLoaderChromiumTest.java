package dev.socketiwa.it.wasm;

import dev.socketiwa.it.tools.TestTools;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built page, loader, shim and wasm in headless Chromium under the exact Isolated Web App CSP and Trusted Types:
 * the app must load and echo with zero CSP violations (a deliberate eval probe proves the policy is enforced).
 * A JS stand-in replaces UDPSocket, which a plain http page lacks; the real socket is the IWA browser test's job.
 */
class CspSafeLoaderChromiumTest {
    private static final String PROBE = "socketiwa-csp-probe";

    @Test
    void appLoadsAndEchoesUnderTheIwaCspWithNoViolation() throws Exception {
        Path script = Paths.get("src/test/node/csp-check.mjs").toAbsolutePath();
        Process process = new ProcessBuilder(TestTools.node().toString(), script.toString(),
                NodeWasmEchoTest.exampleWeb().toString(), TestTools.chromium().toString(), TestTools.nodeModules().toString())
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream in = process.getInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            output = bytes.toString(StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "csp-check did not finish");
        assertEquals(0, process.exitValue(), "csp-check failed:\n" + output);
        String result = output.lines().filter(l -> l.startsWith("{\"consoleErrors\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no result from csp-check:\n" + output));
        System.out.println("[csp-check] " + result);

        assertTrue(result.contains("\"evalBlocked\":true"), "the page must enforce the IWA CSP (eval probe): " + result);
        List<String> violations = jsonStrings(result, "violations");
        assertEquals(1, violations.size(), "only the deliberate probe may violate the CSP: " + violations);
        assertTrue(violations.get(0).contains(PROBE), "the one violation must be the probe's: " + violations);
        assertEquals(List.of(), jsonStrings(result, "pageErrors"));
        assertTrue(result.contains("\"state\":\"listening\""), "the app must reach listening: " + result);
        assertTrue(result.contains("\"listen\":\"127.0.0.1:5555\""), "?listen= must override the built-in address: " + result);
        assertTrue(result.contains("\"echoesCorrect\":100"), "all 100 datagrams must come back intact: " + result);
    }

    /** The strings of a flat JSON array field (enough for this script's output; escapes are kept as written). */
    private static List<String> jsonStrings(String json, String field) {
        Matcher array = Pattern.compile("\"" + field + "\":\\[(.*?)](,\"|})").matcher(json);
        List<String> out = new ArrayList<>();
        if (array.find()) {
            Matcher item = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(array.group(1));
            while (item.find()) {
                out.add(item.group(1));
            }
        }
        return out;
    }
}
