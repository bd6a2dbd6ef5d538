package dev.socketiwa.quic.crypto;

import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.crypto.portable.PortableCryptoProvider;
import java.util.Random;
import java.util.stream.Stream;

/** Both providers, with a seeded random source, as a JUnit parameter source. */
public final class Providers {
    private Providers() {
    }

    public static RandomSource seeded(long seed) {
        Random r = new Random(seed);
        return (buf, off, len) -> {
            for (int i = 0; i < len; i++) {
                buf[off + i] = (byte) r.nextInt();
            }
        };
    }

    public static Stream<CryptoProvider> both() {
        return Stream.of(new PortableCryptoProvider(seeded(1)), new JcaCryptoProvider(seeded(2)));
    }
}
