package org.teavm.classlib.java.security;

/**
 * Stand-in for {@code java.security.Security} in TeaVM builds ONLY; the JVM never loads it (its own class wins).
 *
 * <p>Why it exists and why this package: TeaVM replaces every {@code java.*} class by
 * {@code org.teavm.classlib.java.*.T<Name>} and its class library has no {@code TSecurity}. Bouncy Castle's lightweight
 * API reads tuning properties through {@code Security.getProperty} (org.bouncycastle.util.Properties); without this
 * class TeaVM pulls in the JDK's implementation, which needs SecurityManager and MethodHandles that wasm lacks. The
 * package name is dictated by TeaVM's substitution rule, not chosen by us. There are no security providers in a
 * browser build, so every property is unset and BC uses its defaults.
 */
public final class TSecurity {
    private TSecurity() {
    }

    public static String getProperty(String key) {
        return null;
    }
}
