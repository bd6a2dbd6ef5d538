package dev.socketiwa.plugin.core.sign;

import dev.socketiwa.plugin.core.bundle.WebBundleWriter;
import dev.socketiwa.plugin.core.bundle.WebResource;
import dev.socketiwa.plugin.core.cbor.Cbor;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningTest {
    private static final HexFormat HEX = HexFormat.of();
    /** RFC 8032 section 7.1, test 1. */
    static final Ed25519SigningKey RFC8032 = new Ed25519SigningKey(new Ed25519PrivateKeyParameters(
            HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")));
    /** RFC 6979 appendix A.2.5. */
    static final EcdsaP256SigningKey RFC6979 = new EcdsaP256SigningKey(
            new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16));

    @Test
    void ed25519MatchesRfc8032() {
        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", HEX.formatHex(RFC8032.rawPublicKey()));
        assertEquals("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
                HEX.formatHex(RFC8032.sign(new byte[0])));
    }

    @Test
    void ecdsaP256IsDeterministicAsInRfc6979() {
        byte[] der = RFC6979.sign("sample".getBytes(StandardCharsets.US_ASCII));
        String r = "00efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716";
        String s = "00f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8";
        assertEquals("3046" + "0221" + r + "0221" + s, HEX.formatHex(der));
        byte[] pub = RFC6979.rawPublicKey();
        assertEquals(33, pub.length);
        assertEquals("0360fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6", HEX.formatHex(pub));
    }

    @Test
    void webBundleIdKnownAnswersFromWbnSign() {
        // Expected values computed by npm wbn-sign 0.2.5 (WebBundleId.serialize) for the same keys.
        WebBundleId ed = WebBundleId.of(RFC8032);
        assertEquals("25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkenaaaic", ed.id());
        assertEquals("isolated-app://25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkenaaaic/", ed.origin());
        assertEquals("anqp5vf2evnj2mojmhvxjrrvnvumasnysi5wd6tm4zuwelta6kp3maacai", WebBundleId.of(RFC6979).id());
    }

    @Test
    void base32IsRfc4648WithoutPadding() {
        // RFC 4648 section 10 vectors, padding removed.
        String[][] vectors = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"},
                {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
        for (String[] v : vectors) {
            assertEquals(v[1], WebBundleId.base32(v[0].getBytes(StandardCharsets.US_ASCII)));
        }
    }

    @Test
    void integrityBlockLayoutAndSignedData() {
        byte[] bundle = WebBundleWriter.write(List.of(new WebResource("/", "text/html", "hi".getBytes(StandardCharsets.US_ASCII))));
        byte[] swbn = IntegrityBlockSigner.sign(bundle, List.of(RFC8032));
        String id = WebBundleId.of(RFC8032).id();
        Map<String, Object> attributes = Map.of("webBundleId", id);
        byte[] magic = HEX.parseHex("f09f968bf09f93a6");
        byte[] version = "2b\0\0".getBytes(StandardCharsets.US_ASCII);
        byte[] unsigned = Cbor.encode(List.of(magic, version, attributes, List.of()));
        Map<String, Object> keyAttributes = new LinkedHashMap<>();
        keyAttributes.put("ed25519PublicKey", RFC8032.rawPublicKey());
        byte[] hash = org.bouncycastle.util.Arrays.copyOf(sha512(bundle), 64);
        byte[] signed = IntegrityBlockSigner.dataToSign(hash, unsigned, Cbor.encode(keyAttributes));
        byte[] expectedBlock = Cbor.encode(List.of(magic, version, attributes,
                List.of(List.of(keyAttributes, RFC8032.sign(signed)))));
        byte[] expected = new byte[expectedBlock.length + bundle.length];
        System.arraycopy(expectedBlock, 0, expected, 0, expectedBlock.length);
        System.arraycopy(bundle, 0, expected, expectedBlock.length, bundle.length);
        assertArrayEquals(expected, swbn);
        assertTrue(HEX.formatHex(swbn).startsWith("8448f09f968bf09f93a644326200" + "00a1"));
        // be64 length prefixes
        assertEquals("0000000000000040", HEX.formatHex(signed, 0, 8));
    }

    private static byte[] sha512(byte[] data) {
        org.bouncycastle.crypto.digests.SHA512Digest d = new org.bouncycastle.crypto.digests.SHA512Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[64];
        d.doFinal(out, 0);
        return out;
    }
}
