package dev.socketiwa.plugin.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.socketiwa.runtime.cert.Pem;

class CertMojoTest {
    @Test
    void descriptorDeclaresTheDocumentedParameters() throws Exception {
        String descriptor = Files.readString(Paths.get("target/classes/META-INF/maven/plugin.xml"));
        String goal = descriptor.substring(descriptor.indexOf("<goal>cert</goal>"));
        goal = goal.substring(0, goal.indexOf("</mojo>"));
        assertTrue(goal.contains("<force implementation=\"boolean\" default-value=\"false\">${socketiwa.force}</force>"),
                goal);
        assertTrue(goal.contains("default-value=\"13\">${socketiwa.cert.validityDays}</validityDays>"), goal);
        assertTrue(goal.contains("default-value=\"${project.basedir}/.socketiwa\">${socketiwa.cert.outputDirectory}"),
                goal);
        assertTrue(goal.contains("default-value=\"localhost\">${socketiwa.cert.subject}</subject>"), goal);
        assertTrue(goal.contains("${socketiwa.cert.sans}"), goal);
    }

    @Test
    void writesThenRefusesThenForces(@TempDir Path dir) throws Exception {
        RecordingLog log = new RecordingLog();
        CertMojo mojo = mojo(dir, log);
        mojo.sans = Arrays.asList("localhost", "127.0.0.1", "::1");
        mojo.execute();
        X509Certificate cert = parse(dir.resolve("cert.pem"));
        assertEquals(3, cert.getSubjectAlternativeNames().size());
        assertTrue(log.lines.stream().anyMatch(l -> l.startsWith("SHA-256 (base64): ")), log.lines.toString());
        assertTrue(log.lines.stream().anyMatch(l -> l.contains("serverCertificateHashes: [{ algorithm: 'sha-256'")));

        String before = Files.readString(dir.resolve("cert.pem"));
        MojoFailureException refused = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(refused.getMessage().contains("-Dsocketiwa.force=true"), refused.getMessage());
        assertEquals(before, Files.readString(dir.resolve("cert.pem")));

        mojo.force = true;
        mojo.execute();
        assertTrue(!before.equals(Files.readString(dir.resolve("cert.pem"))), "replaced with force");
    }

    @Test
    void badParametersFailWithTheReason(@TempDir Path dir) {
        CertMojo tooLong = mojo(dir, new RecordingLog());
        tooLong.validityDays = 30;
        MojoFailureException e = assertThrows(MojoFailureException.class, tooLong::execute);
        assertTrue(e.getMessage().contains("at most 14 days"), e.getMessage());

        CertMojo badName = mojo(dir, new RecordingLog());
        badName.sans = List.of("under_score.example");
        e = assertThrows(MojoFailureException.class, badName::execute);
        assertTrue(e.getMessage().contains("'under_score.example'"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("cert.pem")), "nothing written on bad input");
    }

    private static CertMojo mojo(Path dir, RecordingLog log) {
        CertMojo mojo = new CertMojo();
        mojo.subject = "localhost";
        mojo.validityDays = 13;
        mojo.outputDirectory = dir.toFile();
        mojo.setLog(log);
        return mojo;
    }

    private static X509Certificate parse(Path pem) throws Exception {
        byte[] der = Pem.decode(Pem.CERTIFICATE, Files.readString(pem));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    static final class RecordingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add(content.toString());
            super.info(content);
        }
    }
}
