package dev.socketiwa.it.h3;

import dev.socketiwa.it.tools.TestTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Chromium (the peer that matters most) fetching from our JVM HTTP/3 server: the page itself, a 300 kB POST /echo,
 * a 1 MB /bytes download and a 404, all over h3 (QUIC forced for the origin, certificate allowed by SPKI hash), with
 * QPACK dynamic tables used both ways.
 */
class ChromiumFetchH3Test {
    @TempDir
    Path dir;

    @Test
    void fetchOverHttp3() throws Exception {
        try (OurH3Server server = new OurH3Server()) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(server.certificate.der()));
            String spki = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded()));
            Path script = Paths.get("src/test/node/h3-fetch.mjs").toAbsolutePath();
            Process node = new ProcessBuilder(TestTools.node().toString(), script.toString(),
                    TestTools.nodeModules().resolve("puppeteer-core").toString(), TestTools.chromium().toString(),
                    dir.resolve("profile").toString(), Integer.toString(server.port()), spki)
                    .redirectErrorStream(true).start();
            byte[] out = node.getInputStream().readAllBytes();
            if (!node.waitFor(90, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                fail("the Chromium fetch did not finish");
            }
            String output = new String(out, StandardCharsets.UTF_8);
            if (node.exitValue() != 0 || !output.contains("RESULT ")) fail("the Chromium fetch failed:\n" + output);
            String result = output.substring(output.indexOf("RESULT ") + 7).trim();
            for (String expected : new String[] {"\"title\":\"Socket.IWA\"", "\"pageStatus\":200", "\"echoStatus\":200",
                "\"echoType\":\"application/x-test\"", "\"echoIdentical\":true", "\"bytesStatus\":200",
                "\"bytesLength\":1000000", "\"missingStatus\":404", "\"protocols\":[\"h3\"]"}) {
                assertTrue(result.contains(expected), "expected " + expected + " in " + result);
            }
            // Chromium's QPACK encoder uses the dynamic table we allow: this run proves our decoder against it
            long inserts = server.maxPeerQpackInserts();
            long references = server.ourSectionsReferencingTable();
            System.out.println("Chromium h3 fetch: " + result + ", Chromium's QPACK inserts " + inserts
                    + ", our responses referencing our dynamic table " + references);
            assertTrue(inserts > 0, "Chromium made no QPACK dynamic table inserts");
            // the repeated 404s carry fields we inserted earlier and Chromium acknowledged
            assertTrue(references > 0, "none of our responses used the dynamic table");
        }
    }
}
