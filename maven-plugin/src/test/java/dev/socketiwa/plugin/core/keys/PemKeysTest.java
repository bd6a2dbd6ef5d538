package dev.socketiwa.plugin.core.keys;

import dev.socketiwa.plugin.core.bundle.BundleException;
import dev.socketiwa.plugin.core.sign.SigningKey;
import dev.socketiwa.plugin.core.sign.WebBundleId;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PemKeysTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private static String pem(String type, byte[] der) throws Exception {
        StringWriter out = new StringWriter();
        try (PemWriter w = new PemWriter(out)) {
            w.writeObject(new PemObject(type, der));
        }
        return out.toString();
    }

    private static BundleException fails(String pem, char[] pass) {
        return assertThrows(BundleException.class, () -> PemKeys.parse(pem, pass, "k.pem"));
    }

    private static void assertMessage(BundleException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' not in: " + e.getMessage());
        }
    }

    @Test
    void roundTripsBothTypesPlainAndEncrypted() throws Exception {
        for (SigningKeys.KeyType type : SigningKeys.KeyType.values()) {
            SigningKey key = SigningKeys.generate(type, RANDOM);
            String plain = PemKeys.toPem(key, null, RANDOM);
            assertTrue(plain.startsWith("-----BEGIN PRIVATE KEY-----"));
            assertEquals(WebBundleId.of(key), WebBundleId.of(PemKeys.parse(plain, null, "k")));
            String encrypted = PemKeys.toPem(key, "pw".toCharArray(), RANDOM);
            assertTrue(encrypted.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
            assertEquals(WebBundleId.of(key), WebBundleId.of(PemKeys.parse(encrypted, "pw".toCharArray(), "k")));
            // A passphrase for a plain key is harmless (the env var may be set for other keys).
            assertEquals(WebBundleId.of(key), WebBundleId.of(PemKeys.parse(plain, "pw".toCharArray(), "k")));
        }
    }

    @Test
    void wrongOrMissingPassphrase() {
        String encrypted = PemKeys.toPem(SigningKeys.generate(SigningKeys.KeyType.ED25519, RANDOM), "right".toCharArray(), RANDOM);
        assertMessage(fails(encrypted, "wrong".toCharArray()), "k.pem", "wrong passphrase", "WEB_BUNDLE_SIGNING_PASSPHRASE");
        assertMessage(fails(encrypted, null), "is encrypted", "WEB_BUNDLE_SIGNING_PASSPHRASE", "socketiwa.signingKeyPassphrase");
    }

    @Test
    void unsupportedKeyTypesNameWhatTheyAre() throws Exception {
        RSAKeyPairGenerator rsa = new RSAKeyPairGenerator();
        rsa.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), RANDOM, 1024, 80));
        byte[] rsaDer = PrivateKeyInfoFactory.createPrivateKeyInfo(rsa.generateKeyPair().getPrivate()).getEncoded();
        assertMessage(fails(pem("PRIVATE KEY", rsaDer), null), "an RSA key", "Ed25519 or ECDSA P-256", "socketiwa:keygen");

        ECNamedDomainParameters p384 = new ECNamedDomainParameters(SECObjectIdentifiers.secp384r1,
                ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp384r1));
        ECKeyPairGenerator ec = new ECKeyPairGenerator();
        ec.init(new ECKeyGenerationParameters(p384, RANDOM));
        AsymmetricCipherKeyPair pair = ec.generateKeyPair();
        byte[] p384Der = PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate()).getEncoded();
        assertMessage(fails(pem("PRIVATE KEY", p384Der), null), "secp384r1", "Ed25519 or ECDSA P-256");
        // The same key as SEC1 "EC PRIVATE KEY".
        byte[] sec1 = PrivateKeyInfo.getInstance(p384Der).parsePrivateKey().toASN1Primitive().getEncoded();
        assertMessage(fails(pem("EC PRIVATE KEY", sec1), null), "secp384r1");
    }

    @Test
    void sec1P256Loads() throws Exception {
        SigningKey key = SigningKeys.generate(SigningKeys.KeyType.P256, RANDOM);
        byte[] sec1 = PrivateKeyInfo.getInstance(key.pkcs8()).parsePrivateKey().toASN1Primitive().getEncoded();
        assertEquals(WebBundleId.of(key), WebBundleId.of(PemKeys.parse(pem("EC PRIVATE KEY", sec1), null, "k")));
    }

    @Test
    void notAKeyAtAll() throws Exception {
        assertMessage(fails("hello", null), "no PEM block");
        assertMessage(fails("", null), "no PEM block");
        assertMessage(fails("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", null), "k.pem");
        assertMessage(fails("-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n", null), "k.pem");
        SigningKey key = SigningKeys.generate(SigningKeys.KeyType.ED25519, RANDOM);
        byte[] spki = org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(
                new org.bouncycastle.crypto.params.Ed25519PublicKeyParameters(key.rawPublicKey())).getEncoded();
        assertMessage(fails(pem("PUBLIC KEY", spki), null), "public key", "private key");
    }

    @Test
    void missingAndUnreadableFiles() throws Exception {
        BundleException missing = assertThrows(BundleException.class, () -> PemKeys.read(dir.resolve("none.pem"), null));
        assertMessage(missing, "none.pem", "does not exist", "socketiwa:keygen");
        Path directory = Files.createDirectory(dir.resolve("a-directory.pem"));
        BundleException unreadable = assertThrows(BundleException.class, () -> PemKeys.read(directory, null));
        assertMessage(unreadable, "a-directory.pem", "cannot be read");
    }

    @Test
    void keyTypeNames() throws Exception {
        assertEquals(SigningKeys.KeyType.P256, SigningKeys.KeyType.parse("P-256"));
        assertEquals(SigningKeys.KeyType.ED25519, SigningKeys.KeyType.parse("Ed25519"));
        assertMessage(assertThrows(BundleException.class, () -> SigningKeys.KeyType.parse("rsa")), "ed25519", "p256");
    }
}
