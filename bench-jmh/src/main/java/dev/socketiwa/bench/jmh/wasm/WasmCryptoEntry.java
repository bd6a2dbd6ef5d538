package dev.socketiwa.bench.jmh.wasm;

/** The wasm module's entry: TeaVM's main([]) takes no arguments, so the duration is fixed here (1.5 s per figure). */
public final class WasmCryptoEntry {
    static final long MILLIS = 1500;

    private WasmCryptoEntry() {
    }

    public static void main(String[] args) {
        PortableCryptoLoop.run(MILLIS);
    }
}
