package dev.socketiwa.quic.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sealing boxes open only unchanged, with the same aad, and only while their key is current or previous. */
class SealingKeysTest {
    private static final long HOUR = 3_600_000L;
    private static final byte[] AAD = "client 192.0.2.1:4433".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET = "resumption state, 32 bytes long!".getBytes(StandardCharsets.UTF_8);

    static java.util.stream.Stream<CryptoProvider> providers() {
        return Providers.both();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void roundTripsAndHidesThePlaintext(CryptoProvider crypto) {
        SealingKeys keys = new SealingKeys(crypto, HOUR, 0);
        byte[] box = keys.seal(10, SECRET, AAD);
        assertEquals(SECRET.length + SealingKeys.OVERHEAD, box.length);
        assertFalse(contains(box, Arrays.copyOf(SECRET, 8)), "plaintext visible in the box");
        assertArrayEquals(SECRET, keys.open(20, box, AAD));
        byte[] empty = keys.seal(30, new byte[0], null);
        assertArrayEquals(new byte[0], keys.open(40, empty, null));
        byte[] other = keys.seal(50, SECRET, AAD);
        assertFalse(Arrays.equals(Arrays.copyOfRange(box, 1, 13), Arrays.copyOfRange(other, 1, 13)), "nonce reused");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void refusesEveryTamperedByte(CryptoProvider crypto) {
        SealingKeys keys = new SealingKeys(crypto, HOUR, 0);
        byte[] box = keys.seal(0, SECRET, AAD);
        for (int i = 0; i < box.length; i++) {
            byte[] bad = box.clone();
            bad[i] ^= 0x01;
            assertNull(keys.open(1, bad, AAD), "flipped byte " + i + " accepted");
        }
        assertNull(keys.open(1, Arrays.copyOf(box, box.length - 1), AAD), "truncated");
        assertNull(keys.open(1, Arrays.copyOf(box, box.length + 1), AAD), "extended");
        assertNull(keys.open(1, new byte[SealingKeys.OVERHEAD - 1], AAD), "too short");
        assertNull(keys.open(1, box, 0, box.length + 5, AAD), "bounds past the array");
        assertNull(keys.open(1, null, AAD));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void refusesOtherAad(CryptoProvider crypto) {
        SealingKeys keys = new SealingKeys(crypto, HOUR, 0);
        byte[] box = keys.seal(0, SECRET, AAD);
        assertNull(keys.open(1, box, "client 192.0.2.2:4433".getBytes(StandardCharsets.UTF_8)));
        assertNull(keys.open(1, box, null));
        assertArrayEquals(SECRET, keys.open(1, box, AAD.clone()));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void previousKeyOpensUntilTheSecondRotation(CryptoProvider crypto) {
        SealingKeys keys = new SealingKeys(crypto, HOUR, 0);
        byte[] first = keys.seal(HOUR - 1, SECRET, AAD);
        byte[] second = keys.seal(HOUR, SECRET, AAD); // first rotation: a new key seals this one
        assertFalse(first[0] == second[0], "rotation kept the key id");
        assertArrayEquals(SECRET, keys.open(HOUR + 1, first, AAD), "previous key must still open");
        assertArrayEquals(SECRET, keys.open(2 * HOUR - 1, first, AAD));
        assertNull(keys.open(2 * HOUR, first, AAD), "key two rotations old still opens");
        assertArrayEquals(SECRET, keys.open(2 * HOUR, second, AAD), "the then-current key is now previous");
        assertNull(keys.open(3 * HOUR, second, AAD));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void longIdleForgetsBothKeys(CryptoProvider crypto) {
        SealingKeys keys = new SealingKeys(crypto, HOUR, 0);
        byte[] box = keys.seal(5, SECRET, AAD);
        assertNull(keys.open(2 * HOUR + 5, box, AAD), "two periods passed without a call: both keys must be gone");
        byte[] fresh = keys.seal(2 * HOUR + 6, SECRET, AAD);
        assertArrayEquals(SECRET, keys.open(2 * HOUR + 7, fresh, AAD));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void explicitRotationKeepsThePreviousKeyOnly(CryptoProvider crypto) {
        SealingKeys keys = new SealingKeys(crypto, HOUR, 0);
        byte[] box = keys.seal(0, SECRET, AAD);
        keys.rotate(1);
        assertArrayEquals(SECRET, keys.open(2, box, AAD));
        keys.rotate(3);
        assertNull(keys.open(4, box, AAD));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void anotherInstanceCannotOpen(CryptoProvider crypto) {
        byte[] box = new SealingKeys(crypto, HOUR, 0).seal(0, SECRET, AAD);
        SealingKeys other = new SealingKeys(crypto, HOUR, 0);
        assertNull(other.open(1, box, AAD));
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}
