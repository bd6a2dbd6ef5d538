package dev.socketiwa.quic.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.teavm.diagnostics.DefaultProblemTextConsumer;
import org.teavm.diagnostics.Problem;
import org.teavm.tooling.TeaVMProblemRenderer;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * Test support shared by the modules whose code must run in the browser (quic-stack, runtime through its test-jar):
 * compile an entry class to WebAssembly GC the way the product does (strict, FULL) and run it under Node 24 with
 * TeaVM's stock loader. Plain wasm checks only; the product's CSP-safe loader is tested in the it module.
 */
public final class WasmTestBuild {
    private WasmTestBuild() {
    }

    /** Compiles {@code main} into {@code dir/fileName}; any TeaVM severe problem fails the test with its call chain. */
    public static Path compile(Class<?> main, Path dir, String fileName) {
        TeaVMTool tool = new TeaVMTool();
        tool.setTargetType(TeaVMTargetType.WEBASSEMBLY_GC);
        tool.setMainClass(main.getName());
        tool.setTargetDirectory(dir.toFile());
        tool.setTargetFileName(fileName);
        // No setClassPath: TeaVM then reads classes through the class loader, which also finds the JDK's
        // javax.security.auth.Destroyable that Bouncy Castle's key parameters implement (javax.* is not substituted).
        tool.setClassLoader(main.getClassLoader());
        tool.setStrict(true);
        tool.setOptimizationLevel(TeaVMOptimizationLevel.FULL);
        tool.setIncremental(false);
        try {
            tool.generate();
        } catch (Exception e) {
            throw new AssertionError("TeaVM failed on " + main.getName(), e);
        }
        List<String> severe = new ArrayList<>();
        for (Problem problem : tool.getProblemProvider().getSevereProblems()) {
            DefaultProblemTextConsumer text = new DefaultProblemTextConsumer();
            problem.render(text);
            StringBuilder line = new StringBuilder(text.getText());
            if (problem.getLocation() != null && tool.getDependencyInfo() != null) {
                TeaVMProblemRenderer.renderCallStack(tool.getDependencyInfo().getCallGraph(), problem.getLocation(), line);
            }
            severe.add(line.toString());
        }
        if (!severe.isEmpty()) {
            fail("TeaVM cannot compile " + main.getName() + " to wasm:\n" + String.join("\n", severe));
        }
        Path wasm = dir.resolve(fileName);
        assertTrue(Files.isRegularFile(wasm), "TeaVM wrote no " + wasm);
        return wasm;
    }

    /** Runs the module's {@code main([])} under Node 24 and returns what it printed; a non-zero exit fails the test. */
    public static String runInNode(Path dir, Path wasm) throws IOException, InterruptedException {
        Path runtime = dir.resolve("wasm-gc-runtime.js");
        try (InputStream in = TeaVMTool.class.getClassLoader()
                .getResourceAsStream("org/teavm/backend/wasm/wasm-gc-runtime.min.js")) {
            if (in == null) {
                fail("teavm-core lacks org/teavm/backend/wasm/wasm-gc-runtime.min.js");
            }
            Files.write(runtime, in.readAllBytes());
        }
        Path script = dir.resolve("run.mjs");
        Files.writeString(script, String.join("\n",
                "import { readFileSync } from 'node:fs';",
                "import vm from 'node:vm';",
                "vm.runInThisContext(readFileSync(" + jsString(runtime) + ", 'utf8'));",
                "const teavm = await TeaVM.wasmGC.load(readFileSync(" + jsString(wasm) + "));",
                "teavm.exports.main([]);",
                ""));
        Process p = new ProcessBuilder(node().toString(), script.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("node did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    /** Node 24 from scripts/setup-test-tools.sh; the machine's Node 20 lacks Wasm GC. Missing = failure, not skip. */
    static Path node() {
        String tools = System.getProperty("socketiwa.testTools");
        if (tools == null || tools.isBlank()) {
            fail("system property socketiwa.testTools is not set: run the tests through Maven (mvn verify)");
        }
        Path node = Path.of(tools, "node", "bin", "node");
        if (!Files.isExecutable(node)) {
            fail("Node 24 is missing at " + node + ": run scripts/setup-test-tools.sh (the README's test command does it)");
        }
        return node;
    }

    private static String jsString(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
