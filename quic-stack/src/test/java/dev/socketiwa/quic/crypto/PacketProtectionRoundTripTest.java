package dev.socketiwa.quic.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every suite with every provider: providers interoperate, tampering is rejected with -1, and the cipher recovers. */
class PacketProtectionRoundTripTest {

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (CipherSuite s : CipherSuite.values()) {
            List<CryptoProvider> ps = Providers.both().toList();
            for (CryptoProvider a : ps) {
                for (CryptoProvider b : ps) {
                    out.add(Arguments.of(s, a, b));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sealOpenAcrossProviders(CipherSuite suite, CryptoProvider sender, CryptoProvider receiver) {
        byte[] secret = new byte[suite.hashLength()];
        Arrays.fill(secret, (byte) 7);
        PacketProtection tx = sender.packetProtection(suite, secret);
        PacketProtection rx = receiver.packetProtection(suite, secret);
        byte[] aad = {0x40, 1, 2, 3};
        byte[] plain = new byte[1200 - 16];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = (byte) i;
        }
        for (long pn = 0; pn < 3; pn++) {
            byte[] buf = Arrays.copyOf(plain, plain.length + 16);
            int n = tx.seal(pn, aad, 0, aad.length, buf, 0, plain.length, buf, 0);
            assertEquals(plain.length + 16, n);

            byte[] tampered = buf.clone();
            tampered[10] ^= 1;
            assertEquals(-1, rx.open(pn, aad, 0, aad.length, tampered, 0, n, new byte[n], 0));
            assertEquals(-1, rx.open(pn + 1, aad, 0, aad.length, buf.clone(), 0, n, new byte[n], 0), "wrong packet number");
            assertEquals(-1, rx.open(pn, aad, 0, aad.length, buf, 0, 15, new byte[n], 0), "shorter than a tag");

            assertEquals(plain.length, rx.open(pn, aad, 0, aad.length, buf, 0, n, buf, 0));
            assertArrayEquals(plain, Arrays.copyOf(buf, plain.length));
        }
        byte[] m1 = new byte[5];
        byte[] m2 = new byte[5];
        tx.headerProtectionMask(plain, 3, m1);
        rx.headerProtectionMask(plain, 3, m2);
        assertArrayEquals(m1, m2);
    }
}
