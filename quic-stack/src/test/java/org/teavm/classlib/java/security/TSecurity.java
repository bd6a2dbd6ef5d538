package org.teavm.classlib.java.security;

/**
 * Test-only stand-in for java.security.Security in the wasm build (TeaVM 0.15 has none): Bouncy Castle's
 * org.bouncycastle.util.Properties asks it for override properties; there are none in wasm. The wasm app build needs
 * the same stand-in (see /work/shared/notes/teavm.md).
 */
public final class TSecurity {
    private TSecurity() {
    }

    public static String getProperty(String key) {
        return null;
    }
}
