package dev.socketiwa.quic.tls;

import static dev.socketiwa.quic.crypto.Hex.decode;
import static dev.socketiwa.quic.crypto.Hex.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.RandomSource;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The resumption half of the key schedule against RFC 8448 §4 (Resumed 0-RTT Handshake), which resumes §3's session:
 * ticket PSK from §3's resumption master secret, PSK early secret, binder and client early traffic secret. The
 * trace's ClientHello itself is not rebuilt here (its transcript hashes are taken from the trace).
 */
class Rfc8448ResumptionTest {
    static final String TICKET_NONCE = "0000";
    static final String PSK = "4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3";
    static final String PSK_EARLY_SECRET = "9b2188e9b2fc6d64d71dc329900e20bb41915000f678aa839cbb797cb7d8332c";
    /** Hash(ClientHello truncated before the binders). */
    static final String BINDER_HASH = "63224b2e4573f2d3454ca84b9d009a04f6be9e05711a8396473aefa01e924a14";
    static final String BINDER = "3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d";
    /** Hash(ClientHello) with the binder. */
    static final String CLIENT_HELLO_HASH = "08ad0fa05d7c7233b1775ba2ff9f4c5b8b59276b7f227f13a976245f5d960913";
    static final String C_E_TRAFFIC = "3fbbe6a60deb66c30a32795aba0eff7eaa10105586e7be5c09678d63b6caab62";

    static java.util.stream.Stream<Function<RandomSource, CryptoProvider>> providers() {
        return Rfc8448KeyScheduleTest.providers();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void pskBinderAndEarlyTrafficSecret(Function<RandomSource, CryptoProvider> make) {
        CryptoProvider p = make.apply(Rfc8448KeyScheduleTest.fixed(new byte[32]));
        CipherSuite suite = CipherSuite.TLS_AES_128_GCM_SHA256;
        byte[] psk = new KeySchedule(p, suite).ticketPsk(decode(Rfc8448Trace.RES_MASTER), decode(TICKET_NONCE));
        assertEquals(PSK, encode(psk));
        KeySchedule resumed = new KeySchedule(p, suite, psk);
        assertEquals(PSK_EARLY_SECRET, encode(resumed.earlySecret()));
        assertEquals(BINDER, encode(resumed.binder(decode(BINDER_HASH))));
        assertEquals(C_E_TRAFFIC, encode(resumed.clientEarlyTrafficSecret(decode(CLIENT_HELLO_HASH))));
    }
}
