package dev.socketiwa.bench.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSectionTest {
    private final MarkdownSection section = new MarkdownSection("quic-suite");
    private static final String BEGIN = "<!-- quic-suite:begin (generated; edit outside these markers) -->";
    private static final String END = "<!-- quic-suite:end -->";

    @Test
    void appendsAfterTheRestWhenTheMarkersAreAbsent() {
        assertEquals("# B\n\nudp\n\n" + BEGIN + "\nquic\n" + END + "\n", section.replace("# B\n\nudp\n", "quic\n"));
        assertEquals("x\n\n" + BEGIN + "\nq\n" + END + "\n", section.replace("x", "q"));
        assertEquals(BEGIN + "\nq\n" + END + "\n", section.replace("", "q"));
    }

    @Test
    void replacesOnlyItsOwnSectionAndKeepsWhatFollows() {
        String doc = "# B\n\n" + BEGIN + "\nold figures\n" + END + "\n\n## UDP echo\nudp table\n";
        String once = section.replace(doc, "new figures");
        assertEquals("# B\n\n" + BEGIN + "\nnew figures\n" + END + "\n\n## UDP echo\nudp table\n", once);
        assertEquals(once, section.replace(once, "new figures"), "idempotent");
    }

    @Test
    void brokenMarkersAreReportedNotGuessed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> section.replace("a\n" + BEGIN + "\nhalf\n", "x"));
        assertTrue(e.getMessage().contains("fix them by hand"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> section.replace(END + "\n" + BEGIN + "\n", "x"));
        assertThrows(IllegalArgumentException.class,
                () -> section.replace(BEGIN + "\n" + END + "\n" + BEGIN + "\n" + END + "\n", "x"));
    }

    @Test
    void writeCreatesTheFileAndItsDirectory(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("docs/benchmarks.md");
        section.write(f, "figures");
        assertEquals(BEGIN + "\nfigures\n" + END + "\n", Files.readString(f));
    }

    @Test
    void namesAreRestricted() {
        assertThrows(IllegalArgumentException.class, () -> new MarkdownSection("a b-->"));
    }
}
