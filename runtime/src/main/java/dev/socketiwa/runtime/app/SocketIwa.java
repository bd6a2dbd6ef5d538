package dev.socketiwa.runtime.app;

import org.teavm.interop.PlatformMarker;

/**
 * Where an app starts, the same on both homes. The app's {@code main} calls {@code SocketIwa.run(new MyApp(), args)}.
 * On the JVM this binds the listen address and runs the app's loop. In the wasm build it only registers the app: the JS
 * shim binds the Direct Sockets UDPSocket and then enters the loop through the exported {@code socketiwa.serve}, under
 * {@code WebAssembly.promising}, so the loop can suspend.
 *
 * <p>Listen address on the JVM: {@code --listen host:port} (or {@code --listen=host:port}), else the system property
 * {@code socketiwa.listen}, else {@value #DEFAULT_LISTEN}. In the browser: the page URL's {@code ?listen=host:port}, else
 * the pom's {@code socketiwa.listen} (written into socketiwa-config.json at build time), else the same default.
 */
public final class SocketIwa {
    public static final String DEFAULT_LISTEN = "127.0.0.1:4433";

    private SocketIwa() {
    }

    public static void run(UdpApp app, String[] args) {
        if (app == null) {
            throw new IllegalArgumentException("SocketIwa.run needs an app, got null");
        }
        // TeaVM replaces isTeaVM() by a constant and drops the JVM branch (java.nio) from the wasm build.
        if (isTeaVM()) {
            BrowserHome.register(app);
        } else {
            JvmHome.run(app, args);
        }
    }

    @PlatformMarker
    private static boolean isTeaVM() {
        return false;
    }
}
