package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.wasm.WasmTestBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The QUIC engine (packets, frames, transport, TLS, portable crypto) compiles with TeaVM to WebAssembly GC, strict, and
 * runs inside it under Node 24: the RFC 9001 known answers and in-memory TLS handshakes of
 * {@link dev.socketiwa.quic.wasm.WasmSelfTest}, then a handshake plus an echo between our client and server.
 */
class QuicWasmTest {
    @Test
    void engineCompilesToWasmAndRunsAHandshake(@TempDir Path dir) throws Exception {
        Path wasm = WasmTestBuild.compile(QuicWasmMain.class, dir, "quic.wasm");
        String text = WasmTestBuild.runInNode(dir, wasm);
        assertTrue(text.contains("WASM-SELFTEST OK"), text);
        assertTrue(text.contains("HANDSHAKE true alpn=echo"), text);
        assertTrue(text.contains("ECHO true"), text);
        System.out.println("wasm (Node 24): " + text.trim().replace('\n', ' ') + "; wasm size " + Files.size(wasm) + " bytes");
    }
}
