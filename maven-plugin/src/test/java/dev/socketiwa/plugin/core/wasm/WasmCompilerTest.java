package dev.socketiwa.plugin.core.wasm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WasmCompilerTest {
    @TempDir
    Path out;

    private static List<Path> testClassPath() {
        List<Path> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            cp.add(Path.of(entry));
        }
        return cp;
    }

    @Test
    void anAppUsingJavaNetFailsWithTeaVMsMessageAndTheMethod() {
        List<String> warnings = new ArrayList<>();
        WasmCompileException e = assertThrows(WasmCompileException.class, () -> new WasmCompiler(s -> { }, warnings::add)
                .compile("dev.socketiwa.plugin.core.wasm.badapp.SocketUsingApp", testClassPath(), out));
        String message = e.getMessage();
        System.out.println("[compile-failure] " + message);
        assertTrue(message.contains("cannot run in wasm"), message);
        assertTrue(message.contains("java.net.Socket"), "the message must name the missing class: " + message);
        assertTrue(message.contains("SocketUsingApp"), "the message must say where it is used: " + message);
        assertFalse(e.problems().isEmpty());
        assertFalse(Files.exists(out.resolve(JsBodyTable.FILE)), "a failed build leaves no half-written web files");
    }

    @Test
    void aMissingAppClassSaysWhatToCheck() {
        WasmCompileException e = assertThrows(WasmCompileException.class, () -> new WasmCompiler(s -> { }, s -> { })
                .compile("com.example.Missing", testClassPath(), out));
        assertTrue(e.getMessage().contains("not on the class path"), e.getMessage());
        assertTrue(e.getMessage().contains("socketiwa.app"), e.getMessage());
    }

    @Test
    void aBadListenAddressIsRefusedWithTheFix() {
        WasmCompileException e = assertThrows(WasmCompileException.class, () -> WebAssets.write(out, "localhost:4433"));
        assertTrue(e.getMessage().contains("socketiwa.listen"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }
}
