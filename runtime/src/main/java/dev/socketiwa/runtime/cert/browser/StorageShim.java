package dev.socketiwa.runtime.cert.browser;

import org.teavm.interop.Import;

/**
 * The raw wasm imports of web/socketiwa-storage.mjs: a string key-value store in the Isolated Web App's origin storage
 * (localStorage: the wasm runs on the app's window, where it is synchronous, so no JSPI suspension is needed), and the
 * page's certificate display. Ints only (TeaVM passes no buffers through imports): strings are UTF-8 bytes in a
 * scratch region of linear memory ({@link ScratchRegion}); values coming back wait on the JS side as the "pending"
 * bytes until Java has room for them and takes them.
 */
final class StorageShim {
    static final String STORAGE = "socketiwaStorage";
    static final String PAGE = "socketiwaPage";

    /** Returned by the storage calls when the browser refused (no storage, quota, security); the reason is pending. */
    static final int FAILED = -2;
    /** Returned by {@link #get} for a key that is not stored. */
    static final int ABSENT = -1;

    private StorageShim() {
    }

    /**
     * The address of a new linear-memory region of at least {@code minBytes} (teavm.malloc); the caller's previous
     * region {@code previous} (0 for none) is released. Each caller owns its own region.
     */
    @Import(module = STORAGE, name = "scratch")
    static native int scratch(int previous, int minBytes);

    /** Looks up the key ({@code keyLen} UTF-8 bytes at {@code ptr}); the value's UTF-8 length, now pending, or ABSENT / FAILED. */
    @Import(module = STORAGE, name = "get")
    static native int get(int ptr, int keyLen);

    /** Stores the value ({@code valueLen} bytes right after the key's {@code keyLen} bytes at {@code ptr}); 0 or FAILED. */
    @Import(module = STORAGE, name = "put")
    static native int put(int ptr, int keyLen, int valueLen);

    /** Removes the key ({@code keyLen} bytes at {@code ptr}); 0 or FAILED. */
    @Import(module = STORAGE, name = "remove")
    static native int remove(int ptr, int keyLen);

    /** The length of the pending bytes (0 when none). */
    @Import(module = STORAGE, name = "pendingLength")
    static native int pendingLength();

    /** Copies the pending bytes (a value or a failure's reason) to {@code ptr} and forgets them; their length. */
    @Import(module = STORAGE, name = "takePending")
    static native int takePending(int ptr);

    /** Where the store lives, as pending text (e.g. "localStorage of isolated-app://..."); its length. */
    @Import(module = STORAGE, name = "describe")
    static native int describe();

    /** Hands the page the published certificates as JSON ({@code len} UTF-8 bytes at {@code ptr}). */
    @Import(module = PAGE, name = "certificates")
    static native void publishCertificates(int ptr, int len);
}
