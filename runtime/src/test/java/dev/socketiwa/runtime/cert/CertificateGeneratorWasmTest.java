package dev.socketiwa.runtime.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.socketiwa.quic.wasm.WasmTestBuild;
import dev.socketiwa.runtime.cert.wasm.CertificateWasmMain;

/**
 * The certificate code really is portable: TeaVM compiles it to WebAssembly GC (strict), Node 24 runs it, and the
 * certificate it makes passes the same JDK checks as one made on the JVM.
 */
class CertificateGeneratorWasmTest {
    @Test
    void generatesAValidCertificateInsideWasm(@TempDir Path dir) throws Exception {
        Path wasm = WasmTestBuild.compile(CertificateWasmMain.class, dir, "cert.wasm");
        String out = WasmTestBuild.runInNode(dir, wasm);
        assertTrue(out.contains("DONE"), out);

        String certPem = out.substring(out.indexOf("-----BEGIN CERTIFICATE-----"));
        String keyPem = out.substring(out.indexOf("-----BEGIN PRIVATE KEY-----"));
        ServerCertificate fromWasm = ServerCertificate.fromPem(certPem, keyPem);
        X509Certificate cert = CertificateGeneratorTest.jdkParse(fromWasm.der());
        assertEquals(3, cert.getVersion());
        assertEquals("1.2.840.10045.4.3.2", cert.getSigAlgOID());
        cert.verify(cert.getPublicKey());
        cert.checkValidity();
        assertEquals(13 * CertificateRequest.DAY_MILLIS, cert.getNotAfter().getTime() - cert.getNotBefore().getTime());
        assertEquals(3, cert.getSubjectAlternativeNames().size());
        String hex = CertificateHashes.hex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        assertTrue(out.contains("HASH " + hex), "the hash computed in wasm matches the JDK's: " + out);
        assertTrue(out.contains("LIFECYCLE published=2 restartSame=true switched=true"), out);
        assertTrue(out.contains("JSON {\"certificates\":[{\"sha256\":\""), out);
        assertTrue(out.contains("\"notBefore\":\"2026-11-18T"), "ISO dates from wasm: " + out);

        // The same main in a fresh JVM gives the JVM's figures on equal terms (first = cold, then 20 runs).
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CertificateWasmMain.class.getName())
                .redirectErrorStream(true).start();
        String jvmOut = new String(jvm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, jvm.waitFor(), jvmOut);
        assertTrue(jvmOut.contains("LIFECYCLE published=2 restartSame=true switched=true"), jvmOut);
        // Reported, not asserted (speed is for benchmarks): see the issue 8 notes.
        System.out.println("certificate generation, wasm (Node 24): " + figures(out) + "; JVM (fresh process): "
                + figures(jvmOut));
    }

    /** "first X ms, then min Y / median Z / max W ms over N" from a main's FIRST_MICROS and EACH_MICROS lines. */
    private static String figures(String out) {
        long first = number(out, "FIRST_MICROS ");
        int at = out.indexOf("EACH_MICROS") + "EACH_MICROS".length();
        long[] each = java.util.Arrays.stream(out.substring(at, out.indexOf('\n', at)).trim().split(" "))
                .mapToLong(Long::parseLong).sorted().toArray();
        return String.format(java.util.Locale.ROOT, "first %.1f ms, then min %.1f / median %.1f / max %.1f ms over %d"
                + " (us, sorted: %s)", first / 1000.0, each[0] / 1000.0, each[each.length / 2] / 1000.0,
                each[each.length - 1] / 1000.0, each.length, java.util.Arrays.toString(each));
    }

    private static long number(String out, String label) {
        int at = out.indexOf(label) + label.length();
        return Long.parseLong(out.substring(at, out.indexOf('\n', at)).trim());
    }
}
