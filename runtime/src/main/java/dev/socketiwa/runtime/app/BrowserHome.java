package dev.socketiwa.runtime.app;

import dev.socketiwa.runtime.udp.browser.DirectSocketsTransport;
import org.teavm.interop.Export;

/**
 * The wasm side of {@link SocketIwa}: keeps the app registered by {@code main} and exports the entry the JS shim calls
 * (under {@code WebAssembly.promising}) once the UDPSocket is bound.
 */
final class BrowserHome {
    /** Return codes of {@link #serve}, read by the JS shim. */
    static final int DONE = 0;
    static final int FAILED = 1;
    static final int NO_APP = 2;

    private static UdpApp app;

    private BrowserHome() {
    }

    static void register(UdpApp registered) {
        app = registered;
    }

    /**
     * Runs the registered app on the socket the shim bound. {@code ioBase} is a linear-memory region of
     * {@code 2 * (32 + capacity)} bytes from {@code teavm.malloc}; the shim wrote the bound address into its first header.
     */
    @Export(name = "socketiwa.serve")
    public static int serve(int ioBase, int capacity) {
        if (app == null) {
            System.err.println("socketiwa: no app registered: the app's main must call SocketIwa.run(app, args)");
            return NO_APP;
        }
        try (DirectSocketsTransport udp = new DirectSocketsTransport(ioBase, capacity)) {
            app.serve(udp);
            return DONE;
        } catch (Throwable e) {
            System.err.println("socketiwa: the app failed: " + e);
            e.printStackTrace();
            return FAILED;
        }
    }
}
