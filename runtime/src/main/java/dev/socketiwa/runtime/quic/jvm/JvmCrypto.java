package dev.socketiwa.runtime.quic.jvm;

import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;

/** The JVM's crypto for {@link dev.socketiwa.runtime.quic.HomeCrypto}; only reached when not in wasm. */
public final class JvmCrypto {
    private JvmCrypto() {
    }

    public static CryptoProvider provider() {
        return new JcaCryptoProvider();
    }
}
