package dev.socketiwa.runtime.app;

import org.teavm.interop.PlatformMarker;

/**
 * Which home the code runs in. TeaVM replaces {@link #isBrowser()} by the constant {@code true} and drops the untaken
 * branch, so code behind {@code if (!Home.isBrowser())} (java.net, javax.crypto, files) never reaches the wasm build.
 */
public final class Home {
    private Home() {
    }

    @PlatformMarker
    public static boolean isBrowser() {
        return false;
    }
}
