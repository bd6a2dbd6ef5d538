package dev.socketiwa.runtime.cert.browser;

import org.teavm.interop.Address;

import java.nio.charset.StandardCharsets;

/**
 * A growable region of linear memory for strings crossing into JavaScript. Java arrays are GC objects outside linear
 * memory, so bytes are copied in and out one by one inside wasm (a few hundred bytes per certificate, rarely).
 */
final class ScratchRegion {
    private int address;
    private int capacity;

    /** Makes room for {@code bytes} bytes from the start; returns the region's (possibly new) address. */
    int reserve(int bytes) {
        if (bytes > capacity) {
            int wanted = Math.max(bytes, Math.max(256, capacity * 2));
            address = StorageShim.scratch(address, wanted);
            capacity = wanted;
        }
        return address;
    }

    /** Writes {@code parts} one after the other from the start; returns the region's address. */
    int write(byte[]... parts) {
        int total = 0;
        for (byte[] p : parts) {
            total += p.length;
        }
        int base = reserve(total);
        Address a = Address.fromInt(base);
        for (byte[] p : parts) {
            for (byte b : p) {
                a.putByte(b);
                a = a.add(1);
            }
        }
        return base;
    }

    /** Takes the shim's pending bytes ({@code length} of them) as text. */
    String takePending(int length) {
        int base = reserve(length);
        int n = StorageShim.takePending(base);
        byte[] bytes = new byte[n];
        Address a = Address.fromInt(base);
        for (int i = 0; i < n; i++) {
            bytes[i] = a.add(i).getByte();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
