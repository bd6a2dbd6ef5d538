package dev.socketiwa.bench.jmh;

import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.crypto.portable.PortableCryptoProvider;

/** The two crypto providers by the short names the benchmarks' {@code @Param}s use. */
final class Providers {
    private Providers() {
    }

    static CryptoProvider byName(String name) {
        switch (name) {
            case "jca": return new JcaCryptoProvider();
            case "portable": return new PortableCryptoProvider();
            default: throw new IllegalArgumentException("provider must be jca or portable, not '" + name + "'");
        }
    }

    /** A fixed traffic secret of the suite's hash length: benchmarks need keys, not secrecy. */
    static byte[] secret(int length) {
        byte[] s = new byte[length];
        for (int i = 0; i < length; i++) {
            s[i] = (byte) (0x5a ^ i);
        }
        return s;
    }
}
