package dev.socketiwa.it.bundle;

import dev.socketiwa.plugin.core.bundle.BundleException;
import dev.socketiwa.plugin.core.bundle.WebBundleWriter;
import dev.socketiwa.plugin.core.bundle.WebResource;
import dev.socketiwa.plugin.core.keys.PemKeys;
import dev.socketiwa.plugin.core.keys.SigningKeys;
import dev.socketiwa.plugin.core.sign.IntegrityBlockSigner;
import dev.socketiwa.plugin.core.sign.SignedWebBundle;
import dev.socketiwa.plugin.core.sign.SigningKey;
import dev.socketiwa.plugin.core.sign.WebBundleId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our Signed Web Bundles against the reference tooling: npm wbn 0.0.9 + wbn-sign 0.2.5 + Node's crypto
 * (it/src/test/node/reference.mjs and verify-swbn.mjs).
 */
class ReferenceCompatibilityTest {
    private static final String PASS = "correct horse battery staple";
    private static final Map<String, String> PASS_ENV = Map.of("WEB_BUNDLE_SIGNING_PASSPHRASE", PASS);

    @TempDir
    static Path keys;
    @TempDir
    Path work;

    private static Map<String, String> nodeIds;

    @BeforeAll
    static void nodeMakesKeys() throws Exception {
        String json = NodeScripts.ok(PASS_ENV, "reference.mjs", "genkeys", keys.toString()).trim();
        // {"ed25519":"...","p256":"..."}
        nodeIds = Map.of(
                "ed25519", json.replaceAll(".*\"ed25519\":\"([a-z2-7]+)\".*", "$1"),
                "p256", json.replaceAll(".*\"p256\":\"([a-z2-7]+)\".*", "$1"));
    }

    private static SigningKey key(String file) throws BundleException {
        return PemKeys.read(keys.resolve(file), PASS.toCharArray());
    }

    /** Responses deliberately not in index order, with sizes that cross CBOR length boundaries. */
    private static List<WebResource> resources() {
        Random random = new Random(42);
        byte[] wasm = new byte[70_000];
        random.nextBytes(wasm);
        byte[] medium = new byte[300];
        random.nextBytes(medium);
        String html = "<!doctype html><title>t</title><script src=\"app.js\"></script>";
        List<WebResource> list = new ArrayList<>();
        list.add(new WebResource("/index.html", "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
        list.add(new WebResource("/zz/deep/path/with-a-longer-name-than-twenty-four.js", "text/javascript", "x()".getBytes()));
        list.add(new WebResource("/", "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
        list.add(new WebResource("/app.wasm", "application/wasm", wasm));
        list.add(new WebResource("/a", "application/octet-stream", medium));
        list.add(new WebResource("/.well-known/manifest.webmanifest", "application/manifest+json",
                "{\"name\":\"n\",\"version\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8)));
        list.add(new WebResource("/empty.txt", "text/plain", new byte[0]));
        return list;
    }

    private Path spec(List<WebResource> resources) throws Exception {
        StringBuilder sb = new StringBuilder("[");
        for (WebResource r : resources) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append("{\"url\":\"").append(r.path()).append("\",\"contentType\":\"").append(r.contentType())
                    .append("\",\"body\":\"").append(Base64.getEncoder().encodeToString(r.body())).append("\"}");
        }
        Path spec = work.resolve("spec.json");
        Files.writeString(spec, sb.append(']').toString());
        return spec;
    }

    private byte[] reference(List<WebResource> resources, String... keyFiles) throws Exception {
        Path out = work.resolve("reference.swbn");
        List<String> args = new ArrayList<>(List.of("sign", spec(resources).toString(), out.toString()));
        for (String k : keyFiles) {
            args.add(keys.resolve(k).toString());
        }
        NodeScripts.ok(PASS_ENV, "reference.mjs", args.toArray(String[]::new));
        return Files.readAllBytes(out);
    }

    private String verify(byte[] swbn, String... extra) throws Exception {
        Path file = work.resolve("ours.swbn");
        Files.write(file, swbn);
        List<String> args = new ArrayList<>(List.of(file.toString(), "--no-manifest"));
        args.addAll(List.of(extra));
        return NodeScripts.ok(Map.of(), "verify-swbn.mjs", args.toArray(String[]::new));
    }

    @Test
    void ed25519BundleIsByteIdenticalToWbnAndWbnSign() throws Exception {
        List<WebResource> resources = resources();
        byte[] ours = SignedWebBundle.create(resources, List.of(key("ed25519.pem"))).bytes();
        assertArrayEquals(reference(resources, "ed25519.pem"), ours);
    }

    @Test
    void unsignedBundleIsByteIdenticalToWbn() throws Exception {
        List<WebResource> resources = resources();
        byte[] reference = reference(resources, "ed25519.pem");
        byte[] bundle = WebBundleWriter.write(resources);
        assertArrayEquals(java.util.Arrays.copyOfRange(reference, reference.length - bundle.length, reference.length), bundle);
    }

    @Test
    void twoEd25519SignaturesAreByteIdentical() throws Exception {
        Path second = keys.resolve("ed25519-second.pem");
        if (!Files.exists(second)) {
            Files.writeString(second, PemKeys.toPem(SigningKeys.generate(SigningKeys.KeyType.ED25519, new SecureRandom()), null, new SecureRandom()));
        }
        List<WebResource> resources = resources();
        byte[] ours = SignedWebBundle.create(resources, List.of(key("ed25519.pem"), key("ed25519-second.pem"))).bytes();
        assertArrayEquals(reference(resources, "ed25519.pem", "ed25519-second.pem"), ours);
        String summary = verify(ours, "--expect-id", nodeIds.get("ed25519"));
        assertEquals(2, summary.split("\"type\": \"Ed25519\"", -1).length - 1, summary);
    }

    @Test
    void p256SignaturesVerifyWithNodeCrypto() throws Exception {
        for (String file : new String[] {"p256.pem", "p256-sec1.pem", "p256-encrypted.pem", "p256-sec1-encrypted.pem"}) {
            byte[] ours = SignedWebBundle.create(resources(), List.of(key(file))).bytes();
            String summary = verify(ours, "--expect-id", nodeIds.get("p256"));
            assertTrue(summary.contains("\"EcdsaP256\""), summary);
        }
        // A mixed stack, in both orders: the ID is the first key's.
        byte[] mixed = SignedWebBundle.create(resources(), List.of(key("p256.pem"), key("ed25519.pem"))).bytes();
        verify(mixed, "--expect-id", nodeIds.get("p256"));
        mixed = SignedWebBundle.create(resources(), List.of(key("ed25519.pem"), key("p256.pem"))).bytes();
        verify(mixed, "--expect-id", nodeIds.get("ed25519"));
    }

    @Test
    void p256SignaturesAreDeterministic() throws Exception {
        List<WebResource> resources = resources();
        assertArrayEquals(SignedWebBundle.create(resources, List.of(key("p256.pem"))).bytes(),
                SignedWebBundle.create(resources, List.of(key("p256.pem"))).bytes());
    }

    @Test
    void tamperedBundleIsRejectedByTheVerifier() throws Exception {
        byte[] ours = SignedWebBundle.create(resources(), List.of(key("p256.pem"))).bytes();
        ours[ours.length - 100] ^= 1;
        Path file = work.resolve("tampered.swbn");
        Files.write(file, ours);
        NodeScripts.Result r = NodeScripts.run(Map.of(), "verify-swbn.mjs", file.toString(), "--no-manifest");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("does not verify"), r.stderr());
    }

    @Test
    void webBundleIdsMatchWbnSign() throws Exception {
        assertEquals(nodeIds.get("ed25519"), WebBundleId.of(key("ed25519.pem")).id());
        assertEquals(nodeIds.get("ed25519"), WebBundleId.of(key("ed25519-encrypted.pem")).id());
        assertEquals(nodeIds.get("p256"), WebBundleId.of(key("p256.pem")).id());
        assertEquals(nodeIds.get("p256"), WebBundleId.of(key("p256-sec1.pem")).id());
        assertTrue(nodeIds.get("ed25519").endsWith("aaic") && nodeIds.get("ed25519").length() == 56);
        assertEquals(58, nodeIds.get("p256").length());
    }

    @Test
    void keysWeWriteLoadInNodeWithTheSameId() throws Exception {
        SecureRandom random = new SecureRandom();
        for (SigningKeys.KeyType type : SigningKeys.KeyType.values()) {
            for (boolean encrypted : new boolean[] {false, true}) {
                // Several keys, so both compressed-point prefixes (02/03) of P-256 show up.
                for (int i = 0; i < 3; i++) {
                    SigningKey k = SigningKeys.generate(type, random);
                    Path file = work.resolve(type + "-" + encrypted + "-" + i + ".pem");
                    Files.writeString(file, PemKeys.toPem(k, encrypted ? PASS.toCharArray() : null, random));
                    String nodeId = NodeScripts.ok(PASS_ENV, "reference.mjs", "id", file.toString()).trim();
                    assertEquals(WebBundleId.of(k).id(), nodeId, file.toString());
                    assertEquals(nodeId, WebBundleId.of(PemKeys.read(file, encrypted ? PASS.toCharArray() : null)).id());
                }
            }
        }
    }

    @Test
    void unsupportedAndWronglyDecryptedNodeKeysGetClearErrors() {
        for (String[] c : new String[][] {{"rsa.pem", "RSA"}, {"p384.pem", "secp384r1"}, {"p384-sec1.pem", "secp384r1"},
                {"ed448.pem", "Ed448"}}) {
            BundleException e = assertThrows(BundleException.class, () -> key(c[0]));
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains("Ed25519 or ECDSA P-256"), e.getMessage());
        }
        for (String file : new String[] {"ed25519-encrypted.pem", "p256-sec1-encrypted.pem"}) {
            BundleException e = assertThrows(BundleException.class, () -> PemKeys.read(keys.resolve(file), "wrong".toCharArray()));
            assertTrue(e.getMessage().contains("wrong passphrase"), e.getMessage());
            e = assertThrows(BundleException.class, () -> PemKeys.read(keys.resolve(file), null));
            assertTrue(e.getMessage().contains("WEB_BUNDLE_SIGNING_PASSPHRASE"), e.getMessage());
        }
    }

    @Test
    void signingWithTheGivenIdKeepsItAcrossKeyRotation() throws Exception {
        WebBundleId original = WebBundleId.of(key("ed25519.pem"));
        byte[] bundle = WebBundleWriter.write(resources());
        byte[] rotated = IntegrityBlockSigner.sign(bundle, original, List.of(key("p256.pem"), key("ed25519.pem")));
        Path file = work.resolve("rotated.swbn");
        Files.write(file, rotated);
        // The verifier insists the ID is the first key's, so the reference rule fails here on purpose.
        NodeScripts.Result r = NodeScripts.run(Map.of(), "verify-swbn.mjs", file.toString(), "--no-manifest");
        assertTrue(r.stderr().contains("is not the first key's ID"), r.stderr());
    }
}
