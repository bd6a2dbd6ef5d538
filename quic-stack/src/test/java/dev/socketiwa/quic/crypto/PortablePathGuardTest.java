package dev.socketiwa.quic.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The wasm build must not reach javax.crypto, java.net, reflection or the JCA provider (quic-contract.md). TeaVM only
 * checks what the self-test reaches; this scans every compiled quic-stack class except the JCA package.
 */
class PortablePathGuardTest {
    private static final String[] FORBIDDEN = {"javax/crypto/", "java/net/", "java/lang/reflect/",
        "dev/socketiwa/quic/crypto/jca/", "java/lang/Thread"};

    @Test
    void portableClassesReferenceNoJvmOnlyApi() throws IOException {
        Path classes = Paths.get("target", "classes", "dev", "socketiwa", "quic");
        assertTrue(Files.isDirectory(classes), "compiled classes expected at " + classes.toAbsolutePath());
        List<String> violations = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String rel = classes.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith("crypto/jca/")) {
                    continue;
                }
                scanned++;
                // Class names in the constant pool are plain modified-UTF-8, so a byte search finds references.
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String bad : FORBIDDEN) {
                    if (text.contains(bad)) {
                        violations.add(rel + " -> " + bad);
                    }
                }
            }
        }
        assertTrue(scanned > 20, "scanned only " + scanned + " classes");
        assertEquals(List.of(), violations);
    }
}
