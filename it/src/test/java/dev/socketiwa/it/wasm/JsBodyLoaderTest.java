package dev.socketiwa.it.wasm;

import dev.socketiwa.it.tools.TestTools;
import dev.socketiwa.plugin.core.wasm.JsBodyTable;
import dev.socketiwa.plugin.core.wasm.WasmCompiler;
import dev.socketiwa.plugin.core.wasm.WebAssets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An app with @JSBody methods, compiled by WasmCompiler and run through our loader under Node 24 with code generation
 * from strings disabled (as the IWA CSP does): every body must come from the build-time table, and a body missing from
 * it must fail loudly.
 */
class JsBodyLoaderTest {
    @TempDir
    Path out;

    private Path compile() throws Exception {
        List<Path> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            cp.add(Path.of(entry));
        }
        new WasmCompiler(s -> { }, s -> { }).compile("dev.socketiwa.it.wasm.jsbody.JsBodyApp", cp, out);
        WebAssets.write(out, "127.0.0.1:4433");
        return out;
    }

    private static String runMain(Path web) throws Exception {
        Path script = Paths.get("src/test/node/run-main.mjs").toAbsolutePath();
        Process p = new ProcessBuilder(TestTools.node().toString(), "--disallow-code-generation-from-strings",
                script.toString(), web.toString()).redirectErrorStream(true).start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(bytes);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return bytes.toString(StandardCharsets.UTF_8) + "exit=" + p.exitValue();
    }

    @Test
    void jsBodiesRunFromTheBuildTimeTableWithoutEval() throws Exception {
        Path web = compile();
        String table = Files.readString(web.resolve(JsBodyTable.FILE));
        assertTrue(table.contains("return a  +  b * 2;"), table);
        String output = runMain(web);
        assertTrue(output.contains("calc=11"), output);
        assertTrue(output.contains("got: WASM"), output);
        assertTrue(output.contains("function=true"), output);
        assertTrue(output.endsWith("exit=0"), output);
    }

    @Test
    void aBodyMissingFromTheTableFailsLoudly() throws Exception {
        Path web = compile();
        Path table = web.resolve(JsBodyTable.FILE);
        String js = Files.readString(table);
        int at = js.indexOf("return a  +  b * 2;");
        assertTrue(at > 0, js);
        // Simulate a stale table: the body TeaVM emits is no longer in it.
        Files.writeString(table, js.replace("return a  +  b * 2;", "return a + b * 3;"));
        String output = runMain(web);
        assertTrue(output.contains("no build-time function for the @JSBody"), output);
        assertTrue(output.contains("b*2"), "the message must show the body: " + output);
        assertEquals(false, output.endsWith("exit=0"), output);
    }
}
