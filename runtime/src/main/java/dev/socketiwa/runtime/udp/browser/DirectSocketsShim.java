package dev.socketiwa.runtime.udp.browser;

import org.teavm.interop.Import;

/**
 * The raw wasm imports our JS shim (web/socketiwa-shim.mjs) provides over the Direct Sockets UDPSocket. Ints only: TeaVM
 * cannot pass buffers through an import, so datagrams travel through a region of linear memory whose addresses are
 * passed here. Only {@link #rxWait} and {@link #txWait} are JSPI {@code WebAssembly.Suspending} imports, and they are
 * called only when there is nothing else to do, because a suspending call costs ~100-150 ns even when it returns at once.
 */
final class DirectSocketsShim {
    static final String MODULE = "socketiwa";

    private DirectSocketsShim() {
    }

    /**
     * Moves the oldest queued datagram into memory: its bytes (at most {@code maxLen}) at {@code dataPtr}, its source into
     * the header at {@code headerPtr} (see {@link IoRegion}). Plain import, never suspends.
     *
     * @return the length written, -1 when the queue is empty, -2 when the socket is closed and drained
     */
    @Import(module = MODULE, name = "rxTake")
    static native int rxTake(int headerPtr, int dataPtr, int maxLen);

    /**
     * Suspends the wasm stack until a datagram is queued or {@code timeoutMillis} passes (negative: no timeout).
     *
     * @return 1 when a datagram is queued, 0 on timeout, -2 when the socket closed
     */
    @Import(module = MODULE, name = "rxWait")
    static native int rxWait(int timeoutMillis);

    /**
     * Hands a datagram ({@code len} bytes at {@code dataPtr}, destination in the header at {@code headerPtr}) to the
     * socket's writer. Plain import: the bytes are copied before it returns.
     *
     * @return 0 when sent and the writer has room, 1 when sent but the writer is now full (call {@link #txWait} before
     *         the next send), -2 when the socket is closed, -3 when the destination or size is refused
     */
    @Import(module = MODULE, name = "txSend")
    static native int txSend(int headerPtr, int dataPtr, int len);

    /** Suspends until the writer has room again ({@code writer.ready}); returns 0, or -2 when the socket closed. */
    @Import(module = MODULE, name = "txWait")
    static native int txWait();

    /** Closes the UDPSocket. */
    @Import(module = MODULE, name = "close")
    static native void close();
}
