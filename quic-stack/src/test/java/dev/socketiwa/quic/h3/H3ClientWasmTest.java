package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.wasm.WasmTestBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP/3 client session and the WebSocket codec compile with TeaVM (WASM_GC, strict) and work under Node 24. */
class H3ClientWasmTest {
    @Test
    void clientSessionAndWebSocketCodecRunInWasm(@TempDir Path dir) throws Exception {
        Path wasm = WasmTestBuild.compile(H3ClientWasmMain.class, dir, "h3client.wasm");
        String text = WasmTestBuild.runInNode(dir, wasm);
        assertTrue(text.contains("GET status=200 body=wasm client asked for /page ended=true"), text);
        assertTrue(text.contains("WS status=200 echo=text:héllo"), text);
        System.out.println("wasm (Node 24): " + text.trim().replace('\n', ' ') + "; wasm size " + Files.size(wasm) + " bytes");
    }
}
