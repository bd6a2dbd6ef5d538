package dev.socketiwa.quic.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.teavm.diagnostics.DefaultProblemTextConsumer;
import org.teavm.diagnostics.Problem;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * The portable crypto and the TLS engine compile with TeaVM 0.15.0 to WebAssembly GC without severe problems, and the
 * result runs correctly under Node 24 (known answers + in-memory handshakes, see {@link WasmSelfTest}).
 */
class TeaVmCompileTest {

    @Test
    void compilesToWasmGcAndRunsUnderNode() throws Exception {
        Path out = Paths.get("target", "wasm-selftest").toAbsolutePath();
        Files.createDirectories(out);
        TeaVMTool tool = new TeaVMTool();
        tool.setTargetType(TeaVMTargetType.WEBASSEMBLY_GC);
        tool.setMainClass(WasmSelfTest.class.getName());
        tool.setTargetDirectory(out.toFile());
        tool.setTargetFileName("selftest.wasm");
        tool.setClassLoader(getClass().getClassLoader());
        tool.setStrict(true);
        tool.setObfuscated(false);
        tool.setOptimizationLevel(TeaVMOptimizationLevel.ADVANCED);
        tool.generate();
        StringBuilder problems = new StringBuilder();
        for (Problem p : tool.getProblemProvider().getSevereProblems()) {
            DefaultProblemTextConsumer text = new DefaultProblemTextConsumer();
            p.render(text);
            problems.append(text.getText()).append(" in ").append(p.getLocation() == null ? "?" : p.getLocation().getMethod()).append('\n');
        }
        assertEquals("", problems.toString(), "TeaVM severe problems");
        Path wasm = out.resolve("selftest.wasm");
        assertTrue(Files.size(wasm) > 0);

        Path runtime = out.resolve("wasm-gc-runtime.js");
        try (InputStream in = TeaVMTool.class.getClassLoader().getResourceAsStream("org/teavm/backend/wasm/wasm-gc-runtime.min.js")) {
            Files.copy(in, runtime, StandardCopyOption.REPLACE_EXISTING);
        }
        Path runner = out.resolve("run.cjs");
        Files.writeString(runner, "require(process.argv[2]);\n"
                + "TeaVM.wasmGC.load(process.argv[3]).then(t => t.exports.main(process.argv.slice(4)))"
                + ".catch(e => { console.error(e); process.exit(2); });\n");
        Process proc = new ProcessBuilder(node().toString(), runner.toString(), runtime.toString(), wasm.toString())
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = proc.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!proc.waitFor(120, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
            fail("Node did not finish: " + output);
        }
        assertEquals(0, proc.exitValue(), output);
        assertTrue(output.contains("WASM-SELFTEST OK"), output);
    }

    /** Node 24 from scripts/setup-test-tools.sh; the machine's Node 20 lacks Wasm GC. Missing = failure, not skip. */
    static Path node() {
        String dir = System.getProperty("socketiwa.testTools");
        if (dir == null || dir.isBlank()) {
            fail("system property socketiwa.testTools is not set; run the tests through Maven from the repository");
        }
        Path node = Paths.get(dir, "node", "bin", "node");
        if (!new File(node.toString()).canExecute()) {
            fail("Node 24 is missing at " + node + ": run scripts/setup-test-tools.sh (the README's test command does it)");
        }
        return node;
    }
}
