package dev.socketiwa.bench.jmh.wasm;

/** A few milliseconds per figure: the test checks the pipeline, not the speed. */
public final class ShortCryptoEntry {
    private ShortCryptoEntry() {
    }

    public static void main(String[] args) {
        PortableCryptoLoop.run(20);
    }
}
