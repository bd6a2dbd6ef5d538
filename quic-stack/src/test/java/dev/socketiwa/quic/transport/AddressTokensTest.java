package dev.socketiwa.quic.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.Providers;
import dev.socketiwa.quic.packet.ConnectionId;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Retry and NEW_TOKEN tokens: sealed, typed, bound to the address, expiring; NEW_TOKEN ones spent on use. */
class AddressTokensTest {
    private static final ConnectionId ODCID = ConnectionId.of(new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
    private static final long T0 = 1_000_000;

    static Stream<CryptoProvider> providers() {
        return Providers.both();
    }

    private static AddressTokens tokens(CryptoProvider crypto) {
        return new AddressTokens(crypto, new QuicConfig());
    }

    private static int check(AddressTokens t, long now, byte[] token, Object from) {
        return t.check(now, token, 0, token.length, from);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void retryTokenOpensForTheSameAddressOnlyAndCarriesTheOdcid(CryptoProvider crypto) {
        AddressTokens t = tokens(crypto);
        byte[] token = t.issueRetry(T0, ODCID, "192.0.2.1:5000");
        assertEquals(AddressTokens.RETRY_VALID, check(t, T0 + 5, token, "192.0.2.1:5000"));
        assertEquals(ODCID, t.odcid);
        assertEquals(AddressTokens.RETRY_INVALID, check(t, T0 + 5, token, "192.0.2.1:5001"), "other port");
        assertEquals(AddressTokens.RETRY_INVALID, check(t, T0 + 5, token, "192.0.2.2:5000"), "other host");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void retryTokenExpires(CryptoProvider crypto) {
        AddressTokens t = tokens(crypto);
        byte[] token = t.issueRetry(T0, ODCID, "a");
        long life = new QuicConfig().retryTokenLifetimeMillis;
        assertEquals(AddressTokens.RETRY_VALID, check(t, T0 + life, token, "a"));
        assertEquals(AddressTokens.RETRY_INVALID, check(t, T0 + life + 1, token, "a"));
        assertEquals(AddressTokens.RETRY_INVALID, check(t, T0 - 1, token, "a"), "issued in the future");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void tamperedForgedAndForeignTokensAreRefused(CryptoProvider crypto) {
        AddressTokens t = tokens(crypto);
        byte[] token = t.issueRetry(T0, ODCID, "a");
        for (int i = 1; i < token.length; i++) {
            byte[] bad = token.clone();
            bad[i] ^= 0x20;
            assertEquals(AddressTokens.RETRY_INVALID, check(t, T0, bad, "a"), "flipped byte " + i);
        }
        byte[] forged = new byte[token.length];
        forged[0] = token[0];
        assertEquals(AddressTokens.RETRY_INVALID, check(t, T0, forged, "a"), "forged Retry token");
        assertEquals(AddressTokens.RETRY_INVALID, check(t, T0, new byte[]{token[0]}, "a"), "type byte only");
        assertEquals(AddressTokens.RETRY_INVALID, check(tokens(crypto), T0, token, "a"), "another server's key");
        assertEquals(AddressTokens.NONE, check(t, T0, new byte[]{0, 1, 2, 3}, "a"), "not ours: as if absent");
        assertEquals(AddressTokens.NONE, t.check(T0, token, 0, 0, "a"));
        // A Retry token relabelled as a NEW_TOKEN one does not open: the type is sealed in.
        byte[] relabelled = token.clone();
        relabelled[0] = t.issueNewToken(T0, "a")[0];
        assertEquals(AddressTokens.NEW_TOKEN_INVALID, check(t, T0, relabelled, "a"));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void newTokenIsBoundToTheHostNotThePortAndSpentOnUse(CryptoProvider crypto) {
        AddressTokens t = tokens(crypto);
        byte[] token = t.issueNewToken(T0, "192.0.2.1:5000");
        assertEquals(AddressTokens.NEW_TOKEN_INVALID, check(t, T0 + 1000, token, "192.0.2.9:5000"), "other host");
        assertEquals(AddressTokens.NEW_TOKEN_VALID, check(t, T0 + 1000, token, "192.0.2.1:6000"), "same host, new port");
        assertEquals(AddressTokens.NEW_TOKEN_INVALID, check(t, T0 + 2000, token, "192.0.2.1:6001"), "second use");
        byte[] v6 = t.issueNewToken(T0, "[2001:db8::1]:443");
        assertEquals(AddressTokens.NEW_TOKEN_INVALID, check(t, T0, v6, "[2001:db8::2]:443"));
        assertEquals(AddressTokens.NEW_TOKEN_VALID, check(t, T0, v6, "[2001:db8::1]:9999"));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void newTokenExpires(CryptoProvider crypto) {
        AddressTokens t = tokens(crypto);
        long life = new QuicConfig().newTokenLifetimeMillis;
        byte[] a = t.issueNewToken(T0, "h:1");
        byte[] b = t.issueNewToken(T0, "h:1");
        assertEquals(AddressTokens.NEW_TOKEN_VALID, check(t, T0 + life, a, "h:2"));
        assertEquals(AddressTokens.NEW_TOKEN_INVALID, check(t, T0 + life + 1, b, "h:2"));
    }
}
