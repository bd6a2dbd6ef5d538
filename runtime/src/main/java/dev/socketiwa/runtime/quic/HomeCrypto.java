package dev.socketiwa.runtime.quic;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.portable.PortableCryptoProvider;
import dev.socketiwa.runtime.app.Home;
import dev.socketiwa.runtime.quic.jvm.JvmCrypto;

/**
 * The crypto a QUIC app should use in the home it runs in, picked without reflection: the JDK's (AES-NI) on the JVM,
 * the portable Bouncy Castle one in wasm, where the JCA provider must not be reachable.
 */
public final class HomeCrypto {
    private static final CipherSuite[] BROWSER_SUITES = {CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384};

    private HomeCrypto() {
    }

    public static CryptoProvider provider() {
        return Home.isBrowser() ? new PortableCryptoProvider() : JvmCrypto.provider();
    }

    /**
     * The server's cipher suite preference for {@link QuicServer}: ChaCha20-Poly1305 first in wasm (about twice
     * software AES-GCM there), empty on the JVM so the engine's default (AES-128-GCM first, hardware-backed) stays.
     */
    public static CipherSuite[] suitePreference() {
        return Home.isBrowser() ? BROWSER_SUITES.clone() : new CipherSuite[0];
    }
}
