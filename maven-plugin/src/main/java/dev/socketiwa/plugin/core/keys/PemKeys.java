package dev.socketiwa.plugin.core.keys;

import dev.socketiwa.plugin.core.bundle.BundleException;
import dev.socketiwa.plugin.core.sign.SigningKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.Provider;
import java.security.SecureRandom;

/**
 * Reads and writes the PEM private keys the npm tooling (wbn-sign, openssl) uses: PKCS#8 "PRIVATE KEY", encrypted
 * PKCS#8 "ENCRYPTED PRIVATE KEY" (PBES2), SEC1 "EC PRIVATE KEY" (also with legacy OpenSSL encryption).
 */
public final class PemKeys {
    /** The npm tooling's variable for the passphrase of an encrypted key. */
    public static final String PASSPHRASE_ENV = "WEB_BUNDLE_SIGNING_PASSPHRASE";

    /**
     * PBKDF2 rounds for keys we encrypt: 50x OpenSSL's default (2048), yet about 0.3 s per decryption here, since every
     * bundle build pays it.
     */
    static final int ENCRYPTION_ITERATIONS = 100_000;

    private static final Provider BC = new BouncyCastleProvider();

    private PemKeys() {
    }

    /** {@code passphrase} may be null when the key is not encrypted. */
    public static SigningKey read(Path file, char[] passphrase) throws BundleException {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new BundleException("The signing key " + file + " does not exist. Create one with mvn socketiwa:keygen,"
                    + " or point socketiwa.signingKey at your key.", e);
        } catch (AccessDeniedException e) {
            throw new BundleException("The signing key " + file + " cannot be read (permission denied). Make it readable"
                    + " for the user running Maven.", e);
        } catch (IOException e) {
            throw new BundleException("The signing key " + file + " cannot be read: " + e + ".", e);
        }
        return parse(text, passphrase, file.toString());
    }

    public static SigningKey parse(String pem, char[] passphrase, String source) throws BundleException {
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new BundleException("The key " + source + " is not a readable PEM file (" + e.getMessage()
                    + "). Expected a \"-----BEGIN PRIVATE KEY-----\" block as written by mvn socketiwa:keygen or openssl genpkey.", e);
        }
        if (object == null) {
            throw new BundleException("The key " + source + " holds no PEM block. Expected \"-----BEGIN PRIVATE KEY-----\""
                    + " (or ENCRYPTED PRIVATE KEY / EC PRIVATE KEY) as written by mvn socketiwa:keygen or openssl genpkey.");
        }
        if (object instanceof PrivateKeyInfo info) {
            return SigningKeys.fromPrivateKeyInfo(info, source);
        }
        if (object instanceof PEMKeyPair pair) {
            return SigningKeys.fromPrivateKeyInfo(pair.getPrivateKeyInfo(), source);
        }
        if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            requirePassphrase(passphrase, source);
            try {
                PrivateKeyInfo info = encrypted.decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(passphrase));
                return SigningKeys.fromPrivateKeyInfo(info, source);
            } catch (PKCSException | OperatorCreationException | RuntimeException e) {
                throw wrongPassphrase(source, e);
            }
        }
        if (object instanceof PEMEncryptedKeyPair encrypted) {
            requirePassphrase(passphrase, source);
            try {
                PEMKeyPair pair = encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(passphrase));
                return SigningKeys.fromPrivateKeyInfo(pair.getPrivateKeyInfo(), source);
            } catch (IOException | RuntimeException e) {
                throw wrongPassphrase(source, e);
            }
        }
        if (object instanceof SubjectPublicKeyInfo || object instanceof X509CertificateHolder) {
            throw new BundleException("The key " + source + " is a public key or certificate; signing needs the private key file.");
        }
        throw new BundleException("The key " + source + " holds a " + object.getClass().getSimpleName()
                + " PEM block, not a private key. Use a PRIVATE KEY file (mvn socketiwa:keygen writes one).");
    }

    private static void requirePassphrase(char[] passphrase, String source) throws BundleException {
        if (passphrase == null || passphrase.length == 0) {
            throw new BundleException("The key " + source + " is encrypted: give its passphrase in the environment variable "
                    + PASSPHRASE_ENV + " (or the Maven property socketiwa.signingKeyPassphrase).");
        }
    }

    private static BundleException wrongPassphrase(String source, Exception cause) {
        String detail = cause instanceof PEMException || cause instanceof PKCSException ? "" : " (" + cause.getMessage() + ")";
        return new BundleException("Cannot decrypt the key " + source + ": wrong passphrase" + detail + ". Check "
                + PASSPHRASE_ENV + " / socketiwa.signingKeyPassphrase.", cause);
    }

    /** PEM text of the key: PKCS#8, encrypted with PBES2 (AES-256-CBC, PBKDF2-HMAC-SHA256) when a passphrase is given. */
    public static String toPem(SigningKey key, char[] passphrase, SecureRandom random) {
        PemObject pem;
        if (passphrase == null || passphrase.length == 0) {
            pem = new PemObject("PRIVATE KEY", key.pkcs8());
        } else {
            try {
                OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                        .setProvider(BC)
                        .setPRF(PKCS8Generator.PRF_HMACSHA256)
                        .setIterationCount(ENCRYPTION_ITERATIONS)
                        .setRandom(random)
                        .setPassword(passphrase)
                        .build();
                pem = new PKCS8Generator(PrivateKeyInfo.getInstance(key.pkcs8()), encryptor).generate();
            } catch (OperatorCreationException | org.bouncycastle.util.io.pem.PemGenerationException e) {
                throw new IllegalStateException("cannot encrypt the key", e);
            }
        }
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(pem);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
