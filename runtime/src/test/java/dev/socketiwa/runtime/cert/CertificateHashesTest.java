package dev.socketiwa.runtime.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.socketiwa.quic.crypto.SecureRandomSource;

class CertificateHashesTest {
    @Test
    void hexIsLowercaseWithoutSeparators() {
        assertEquals("00ff10ab", CertificateHashes.hex(new byte[] {0, (byte) 0xff, 0x10, (byte) 0xab}));
    }

    /** The snippet is pasted into JavaScript: evaluate it in Node 24 and compare the bytes it yields. */
    @Test
    void snippetEvaluatesToTheHashesInJavaScript(@TempDir Path dir) throws Exception {
        CertificateGenerator generator = new CertificateGenerator(new SecureRandomSource());
        PublishedCertificate a = generator.generate(CertificateRequest.defaults(), 1_795_000_000_000L).published();
        PublishedCertificate b = generator.generate(CertificateRequest.defaults(), 1_795_000_000_000L).published();
        String snippet = CertificateHashes.serverCertificateHashesSnippet(List.of(a, b));
        Path script = dir.resolve("snippet.mjs");
        Files.writeString(script, "const options = { " + snippet + " };\n"
                + "for (const h of options.serverCertificateHashes) {\n"
                + "  if (h.algorithm !== 'sha-256' || !(h.value instanceof Uint8Array)) throw new Error('shape');\n"
                + "  console.log(Buffer.from(h.value).toString('hex'));\n"
                + "}\n");
        String out = node(script);
        assertEquals(a.sha256Hex() + "\n" + b.sha256Hex() + "\n", out);
    }

    /** The page's view: JSON.parse in Node, fields as the JVM computes them. */
    @Test
    void jsonParsesInJavaScriptWithHashesExpiryAndSnippet(@TempDir Path dir) throws Exception {
        CertificateGenerator generator = new CertificateGenerator(new SecureRandomSource());
        PublishedCertificate a = generator.generate(CertificateRequest.defaults(), 1_795_000_000_123L).published();
        PublishedCertificate b = generator.generate(CertificateRequest.defaults(), 4_102_444_800_000L).published();
        String json = CertificateHashes.toJson(List.of(a, b));
        Path file = dir.resolve("hashes.json");
        Files.writeString(file, json);
        Path script = dir.resolve("json.mjs");
        Files.writeString(script, "import { readFileSync } from 'node:fs';\n"
                + "const o = JSON.parse(readFileSync(process.argv[2], 'utf8'));\n"
                + "for (const c of o.certificates) console.log(Buffer.from(c.sha256, 'base64').toString('hex'),"
                + " c.sha256Hex, c.notBefore, c.notAfter, new Date(c.notAfterMillis).toISOString());\n"
                + "const opts = eval('({' + o.snippet + '})');\n"
                + "console.log(opts.serverCertificateHashes.length);\n");
        String out = node(script, file.toString());
        String expected = "";
        for (PublishedCertificate p : List.of(a, b)) {
            expected += p.sha256Hex() + " " + p.sha256Hex() + " " + java.time.Instant.ofEpochMilli(p.notBeforeMillis())
                    + " " + java.time.Instant.ofEpochMilli(p.notAfterMillis()) + " "
                    + java.time.Instant.ofEpochMilli(p.notAfterMillis()).toString().replace("Z", ".000Z") + "\n";
        }
        assertEquals(expected + "2\n", out);
    }

    static String node(Path script, String... args) throws IOException, InterruptedException {
        String tools = System.getProperty("socketiwa.testTools");
        if (tools == null) {
            fail("system property socketiwa.testTools is not set: run the tests through Maven (mvn verify)");
        }
        Path node = Path.of(tools, "node", "bin", "node");
        if (!Files.isExecutable(node)) {
            fail("Node 24 is missing at " + node + ": run scripts/setup-test-tools.sh (in a worktree, symlink"
                    + " test-tools/node to the main checkout's)");
        }
        java.util.List<String> command = new java.util.ArrayList<>(List.of(node.toString(), script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("node did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }
}
