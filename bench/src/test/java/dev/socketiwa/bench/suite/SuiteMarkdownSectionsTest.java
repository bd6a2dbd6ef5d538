package dev.socketiwa.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketiwa.bench.quic.MarkdownSection;
import org.junit.jupiter.api.Test;

class SuiteMarkdownSectionsTest {

    @Test
    void regeneratingTheUdpTextKeepsTheQuicSuitesSection() {
        String quic = new MarkdownSection("quic").replace("", "## QUIC\n\nhandshakes/s: 123");
        String previous = "# Benchmarks\n\nold udp figures\n\n" + quic;

        String updated = SuiteMarkdown.keepOtherSections("# Benchmarks\n\nnew udp figures\n", previous);

        assertTrue(updated.startsWith("# Benchmarks\n\nnew udp figures\n\n"), updated);
        assertTrue(updated.endsWith(quic), updated);
        assertFalse(updated.contains("old udp figures"), updated);
        assertEquals(updated, SuiteMarkdown.keepOtherSections("# Benchmarks\n\nnew udp figures\n", updated),
                "running the suite again changes nothing else");
        assertEquals(updated, new MarkdownSection("quic").replace(updated, "## QUIC\n\nhandshakes/s: 123"),
                "the QUIC suite still finds its markers, and its section is where it left it");
    }

    @Test
    void withoutOtherSectionsTheFileIsTheUdpTextAlone() {
        assertEquals("udp\n", SuiteMarkdown.keepOtherSections("udp\n", "older udp\n"));
        assertEquals("udp\n", SuiteMarkdown.keepOtherSections("udp\n", ""));
    }
}
