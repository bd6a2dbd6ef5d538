package dev.socketiwa.quic.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** secp256r1 key shares agree with the JDK's ECDH, and malformed peer keys are refused with null. */
class KeyShareValidationTest {
    static java.util.stream.Stream<CryptoProvider> providers() {
        return Providers.both();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void p256AgreesWithJdkEcdh(CryptoProvider p) throws Exception {
        KeyShare ours = p.generateKeyShare(NamedGroup.SECP256R1);
        byte[] pub = ours.publicKey();
        assertEquals(65, pub.length);
        assertEquals(4, pub[0]);

        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair jdk = g.generateKeyPair();
        ECPublicKey jdkPub = (ECPublicKey) jdk.getPublic();
        byte[] jdkEncoded = new byte[65];
        jdkEncoded[0] = 4;
        put32(jdkPub.getW().getAffineX(), jdkEncoded, 1);
        put32(jdkPub.getW().getAffineY(), jdkEncoded, 33);

        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(pub, 1, 33)), new BigInteger(1, Arrays.copyOfRange(pub, 33, 65)));
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(jdk.getPrivate());
        ka.doPhase(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, jdkPub.getParams())), true);
        byte[] expected = ka.generateSecret();
        byte[] shared = ours.agree(jdkEncoded);
        assertNotNull(shared);
        assertArrayEquals(expected, shared);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void malformedP256PeerKeysAreRefused(CryptoProvider p) {
        KeyShare ours = p.generateKeyShare(NamedGroup.SECP256R1);
        byte[] valid = p.generateKeyShare(NamedGroup.SECP256R1).publicKey();
        byte[] offCurve = valid.clone();
        offCurve[64] ^= 1;
        assertNull(ours.agree(offCurve), "point not on the curve");
        byte[] compressed = Arrays.copyOf(valid, 33);
        compressed[0] = (byte) (2 + (valid[64] & 1));
        assertNull(ours.agree(compressed), "compressed form is not allowed in TLS 1.3");
        byte[] wrongPrefix = valid.clone();
        wrongPrefix[0] = 3;
        assertNull(ours.agree(wrongPrefix));
        assertNull(ours.agree(new byte[65]));
        assertNull(ours.agree(new byte[0]));
        assertNotNull(ours.agree(valid));
    }

    private static void put32(BigInteger v, byte[] out, int off) {
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, off + 32 - n, n);
    }
}
