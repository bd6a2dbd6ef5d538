package dev.socketiwa.bench.jmh.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasmCryptoRatioTest {
    private static final List<String> KEYS = List.of("TLS_AES_128_GCM_SHA256 seal", "TLS_AES_128_GCM_SHA256 open",
            "TLS_CHACHA20_POLY1305_SHA256 seal", "TLS_CHACHA20_POLY1305_SHA256 open");

    @Test
    void readsTheLoopsLinesAndIgnoresTheRest() {
        Map<String, Double> f = CryptoLoopOutput.megabytesPerSecond(
                "teavm noise\ncrypto TLS_AES_128_GCM_SHA256 seal 12000000 1000000000\r\n"
                        + "crypto TLS_AES_128_GCM_SHA256 open 6000000 2000000000\nwarning: x\n");
        assertEquals(Map.of("TLS_AES_128_GCM_SHA256 seal", 12.0, "TLS_AES_128_GCM_SHA256 open", 3.0), f);
    }

    @Test
    void aRunWithoutFiguresIsAnErrorThatShowsTheOutput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CryptoLoopOutput.megabytesPerSecond("RuntimeError: unreachable"));
        assertTrue(e.getMessage().contains("RuntimeError: unreachable"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CryptoLoopOutput.megabytesPerSecond("crypto TLS_AES_128_GCM_SHA256 seal 100 0"));
    }

    @Test
    void tableShowsRatiosOfFiguresBothSidesHave() {
        String t = WasmCryptoRatio.table(Map.of("A seal", 10.0, "B open", 1.0), Map.of("A seal", 40.0));
        assertTrue(t.contains("A seal") && t.contains("0.250"), t);
        assertTrue(!t.contains("B open"), "no ratio without a JVM figure: " + t);
    }

    /** The real pipeline: TeaVM compiles the loop (portable provider, both suites), Node 24 runs it, and so does the JVM. */
    @Test
    void portableCryptoRunsInWasmUnderNodeAndOnTheJvm(@TempDir Path dir) throws Exception {
        Map<String, Double> wasm = WasmCryptoRatio.wasm(ShortCryptoEntry.class, dir);
        assertEquals(KEYS, List.copyOf(wasm.keySet()));
        wasm.values().forEach(v -> assertTrue(v > 0, "a figure: " + wasm));
        Map<String, Double> jvm = WasmCryptoRatio.jvm(5);
        assertEquals(KEYS, List.copyOf(jvm.keySet()));
        assertEquals(5, WasmCryptoRatio.table(wasm, jvm).lines().count(), "a header and four rows");
    }
}
