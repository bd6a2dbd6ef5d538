package dev.socketiwa.quic.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.crypto.portable.PortableCryptoProvider;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The portable AEADs (our GCM over BC's AES, BC's ChaCha20-Poly1305) give byte-identical output to the JDK's for
 * every length class: empty, partial blocks, block multiples, odd AAD sizes; in place and out of place.
 */
class AeadCrossCheckTest {

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void portableMatchesJdkForAllLengths(CipherSuite suite) {
        Random r = new Random(suite.ordinal());
        byte[] key = new byte[suite.keyLength()];
        r.nextBytes(key);
        Aead portable = new PortableCryptoProvider(Providers.seeded(1)).aead(suite, key);
        // A second instance for the in-place seal: BC's ChaCha20-Poly1305, like the JDK, refuses a repeated nonce.
        Aead portable2 = new PortableCryptoProvider(Providers.seeded(1)).aead(suite, key);
        Aead jdk = new JcaCryptoProvider(Providers.seeded(1)).aead(suite, key);
        for (int len = 0; len <= 100; len++) {
            byte[] nonce = new byte[12];
            r.nextBytes(nonce);
            byte[] aad = new byte[r.nextInt(41)];
            r.nextBytes(aad);
            byte[] plain = new byte[len];
            r.nextBytes(plain);

            byte[] a = new byte[len + 16];
            assertEquals(len + 16, portable.seal(nonce, aad, 0, aad.length, plain, 0, len, a, 0));
            byte[] b = new byte[len + 16];
            assertEquals(len + 16, jdk.seal(nonce, aad, 0, aad.length, plain, 0, len, b, 0));
            assertArrayEquals(b, a, "ciphertext+tag for length " + len);

            byte[] inPlace = Arrays.copyOf(plain, len + 16);
            portable2.seal(nonce, aad, 0, aad.length, inPlace, 0, len, inPlace, 0);
            assertArrayEquals(b, inPlace, "in-place seal for length " + len);

            byte[] opened = new byte[len];
            assertEquals(len, portable.open(nonce, aad, 0, aad.length, b, 0, len + 16, opened, 0));
            assertArrayEquals(plain, opened);
            assertEquals(len, portable.open(nonce, aad, 0, aad.length, inPlace, 0, len + 16, inPlace, 0));
            assertArrayEquals(plain, Arrays.copyOf(inPlace, len));

            byte[] bad = b.clone();
            bad[r.nextInt(bad.length)] ^= 0x40;
            byte[] untouched = new byte[len];
            assertEquals(-1, portable.open(nonce, aad, 0, aad.length, bad, 0, len + 16, untouched, 0));
            assertEquals(-1, jdk.open(nonce, aad, 0, aad.length, bad, 0, len + 16, new byte[len], 0));
        }
    }
}
