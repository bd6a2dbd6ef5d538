package dev.socketiwa.quic.h3;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teavm.diagnostics.DefaultProblemTextConsumer;
import org.teavm.diagnostics.Problem;
import org.teavm.tooling.TeaVMProblemRenderer;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.vm.TeaVMOptimizationLevel;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The HTTP/3 layer (session, frames, QPACK, Huffman) compiles with TeaVM to WebAssembly GC, strict, and serves a request
 * in memory under Node 24: the browser build can use it.
 */
class H3WasmTest {
    @Test
    void http3CompilesToWasmAndServesARequest(@TempDir Path dir) throws Exception {
        TeaVMTool tool = new TeaVMTool();
        tool.setTargetType(TeaVMTargetType.WEBASSEMBLY_GC);
        tool.setMainClass(H3WasmMain.class.getName());
        tool.setTargetDirectory(dir.toFile());
        tool.setTargetFileName("h3.wasm");
        tool.setClassLoader(H3WasmTest.class.getClassLoader());
        tool.setStrict(true);
        tool.setOptimizationLevel(TeaVMOptimizationLevel.FULL);
        tool.setIncremental(false);
        tool.generate();
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
        if (!severe.isEmpty()) fail("TeaVM cannot compile the HTTP/3 layer to wasm:\n" + String.join("\n", severe));
        Path wasm = dir.resolve("h3.wasm");
        assertTrue(Files.isRegularFile(wasm));

        Path runtime = dir.resolve("wasm-gc-runtime.js");
        try (InputStream in = TeaVMTool.class.getClassLoader()
                .getResourceAsStream("org/teavm/backend/wasm/wasm-gc-runtime.min.js")) {
            if (in == null) fail("teavm-core lacks org/teavm/backend/wasm/wasm-gc-runtime.min.js");
            Files.write(runtime, in.readAllBytes());
        }
        Path script = dir.resolve("run.mjs");
        Files.writeString(script, String.join("\n",
                "import { readFileSync } from 'node:fs';",
                "import vm from 'node:vm';",
                "vm.runInThisContext(readFileSync('" + runtime.toAbsolutePath() + "', 'utf8'));",
                "const teavm = await TeaVM.wasmGC.load(readFileSync('" + wasm.toAbsolutePath() + "'));",
                "teavm.exports.main([]);",
                ""));
        String tools = System.getProperty("socketiwa.testTools");
        if (tools == null) fail("system property socketiwa.testTools is not set: run the tests through Maven (mvn verify)");
        Path node = Path.of(tools, "node", "bin", "node");
        if (!Files.isExecutable(node)) {
            fail("Node 24 is missing at " + node + ": run scripts/setup-test-tools.sh (in a worktree, symlink"
                    + " test-tools/node to the main checkout's)");
        }
        Process p = new ProcessBuilder(node.toString(), script.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("node did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("RESPONSE :status: 200 fin=true body=you asked for /wasm"), text);
        assertTrue(text.contains("HUFFMAN f1e3c2e5f23a6ba0ab90f4ff www.example.com"), text);
        System.out.println("wasm (Node 24): " + text.trim().replace('\n', ' ') + "; wasm size " + Files.size(wasm) + " bytes");
    }
}
