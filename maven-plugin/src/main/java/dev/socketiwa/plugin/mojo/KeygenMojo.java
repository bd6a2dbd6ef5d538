package dev.socketiwa.plugin.mojo;

import dev.socketiwa.plugin.core.bundle.AtomicFiles;
import dev.socketiwa.plugin.core.bundle.BundleException;
import dev.socketiwa.plugin.core.keys.PemKeys;
import dev.socketiwa.plugin.core.keys.SigningKeys;
import dev.socketiwa.plugin.core.sign.SigningKey;
import dev.socketiwa.plugin.core.sign.WebBundleId;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Writes a new signing key for Signed Web Bundles as a PKCS#8 PEM file, encrypted (PBES2, AES-256-CBC) when a
 * passphrase is given, and logs the Web Bundle ID it gives. Never overwrites an existing file. The file is the one
 * the npm tooling (wbn-sign) reads too.
 */
@Mojo(name = "keygen", requiresProject = false, threadSafe = true)
public class KeygenMojo extends AbstractMojo {
    /** The key file to create. */
    @Parameter(property = "socketiwa.signingKey", defaultValue = "${basedir}/.socketiwa/signing-key.pem", required = true)
    private File signingKey;

    /** {@code ed25519} (default) or {@code p256} (ECDSA P-256). */
    @Parameter(property = "socketiwa.keyType", defaultValue = "ed25519", required = true)
    private String keyType;

    /**
     * Encrypts the key with this passphrase. When not set, the environment variable WEB_BUNDLE_SIGNING_PASSPHRASE is
     * used if present; without either the key is written unencrypted.
     */
    @Parameter(property = "socketiwa.signingKeyPassphrase")
    private String passphrase;

    @Override
    public void execute() throws MojoFailureException {
        try {
            SigningKeys.KeyType type = SigningKeys.KeyType.parse(keyType);
            char[] pass = Passphrases.resolve(passphrase);
            SecureRandom random = new SecureRandom();
            SigningKey key = SigningKeys.generate(type, random);
            AtomicFiles.createPrivate(signingKey.toPath(), PemKeys.toPem(key, pass, random).getBytes(StandardCharsets.US_ASCII));
            WebBundleId id = WebBundleId.of(key);
            getLog().info("Wrote a new " + key.typeName() + " signing key" + (pass != null ? " (encrypted)" : "") + " to " + signingKey);
            getLog().info("Web Bundle ID: " + id.id());
            getLog().info("Isolated Web App origin: " + id.origin());
        } catch (BundleException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
