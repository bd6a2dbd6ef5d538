package dev.socketiwa.runtime.udp.browser;

/**
 * The layout of the linear-memory region the JS shim allocates (with TeaVM's exported {@code teavm.malloc}) and hands to
 * {@code socketiwa.serve}: a receive header and buffer, then a send header and buffer. A header is 32 bytes:
 * int32 port at 0, int32 address family (4 or 6) at 4, the address bytes (4 or 16) at 8. Little-endian, as wasm.
 * The same layout is documented at the top of web/socketiwa-shim.mjs.
 */
final class IoRegion {
    static final int HEADER = 32;
    static final int PORT = 0;
    static final int FAMILY = 4;
    static final int ADDRESS = 8;

    private IoRegion() {
    }

    static int size(int capacity) {
        return 2 * (HEADER + capacity);
    }

    static int rxHeader(int base) {
        return base;
    }

    static int rxData(int base) {
        return base + HEADER;
    }

    static int txHeader(int base, int capacity) {
        return base + HEADER + capacity;
    }

    static int txData(int base, int capacity) {
        return base + 2 * HEADER + capacity;
    }
}
