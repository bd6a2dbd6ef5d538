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

import dev.socketiwa.runtime.cert.jvm.JvmRandom;

class CertificateHashesTest {
    @Test
    void hexIsLowercaseWithoutSeparators() {
        assertEquals("00ff10ab", CertificateHashes.hex(new byte[] {0, (byte) 0xff, 0x10, (byte) 0xab}));
    }

    /** The snippet is pasted into JavaScript: evaluate it in Node 24 and compare the bytes it yields. */
    @Test
    void snippetEvaluatesToTheHashesInJavaScript(@TempDir Path dir) throws Exception {
        CertificateGenerator generator = new CertificateGenerator(JvmRandom.secure());
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

    static String node(Path script) throws IOException, InterruptedException {
        String tools = System.getProperty("socketiwa.testTools");
        if (tools == null) {
            fail("system property socketiwa.testTools is not set: run the tests through Maven (mvn verify)");
        }
        Path node = Path.of(tools, "node", "bin", "node");
        if (!Files.isExecutable(node)) {
            fail("Node 24 is missing at " + node + ": run scripts/setup-test-tools.sh (in a worktree, symlink"
                    + " test-tools/node to the main checkout's)");
        }
        Process p = new ProcessBuilder(node.toString(), script.toString()).redirectErrorStream(true).start();
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
