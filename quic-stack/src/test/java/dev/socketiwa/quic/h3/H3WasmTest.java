package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.wasm.WasmTestBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP/3 layer (session, frames, QPACK, Huffman) compiles with TeaVM to WebAssembly GC, strict, and serves a request
 * in memory under Node 24: the browser build can use it.
 */
class H3WasmTest {
    @Test
    void http3CompilesToWasmAndServesARequest(@TempDir Path dir) throws Exception {
        Path wasm = WasmTestBuild.compile(H3WasmMain.class, dir, "h3.wasm");
        String text = WasmTestBuild.runInNode(dir, wasm);
        assertTrue(text.contains("RESPONSE :status: 200 fin=true body=you asked for /wasm"), text);
        assertTrue(text.contains("HUFFMAN f1e3c2e5f23a6ba0ab90f4ff www.example.com"), text);
        assertTrue(text.contains("WT datagram=dg bidi=bi fin=true close=7/b"), text);
        System.out.println("wasm (Node 24): " + text.trim().replace('\n', ' ') + "; wasm size " + Files.size(wasm) + " bytes");
    }
}
