package dev.socketiwa.bench.quic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One suite's own part of a shared Markdown file, between an HTML-comment begin and end marker, so several suites can
 * each regenerate their section of docs/benchmarks.md and leave the rest (e.g. the UDP echo section) as it is.
 */
public final class MarkdownSection {
    private final String begin;
    private final String end;

    public MarkdownSection(String name) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("section name: lowercase letters, digits and -");
        }
        this.begin = "<!-- " + name + ":begin (generated; edit outside these markers) -->";
        this.end = "<!-- " + name + ":end -->";
    }

    /**
     * The document with this section's content replaced, or appended (after a blank line) when the markers are absent.
     *
     * @throws IllegalArgumentException when only one marker is there or they are out of order: the file was edited by
     *     hand and replacing would lose text, so the message says what to fix
     */
    public String replace(String document, String content) {
        String body = begin + "\n" + content.strip() + "\n" + end + "\n";
        int b = document.indexOf(begin);
        int e = document.indexOf(end);
        if (b < 0 && e < 0) {
            String head = document.isEmpty() || document.endsWith("\n\n") ? document
                    : document.endsWith("\n") ? document + "\n" : document + "\n\n";
            return head + body;
        }
        if (b < 0 || e < b || document.indexOf(begin, b + 1) >= 0 || document.indexOf(end, e + 1) >= 0) {
            throw new IllegalArgumentException("the markers '" + begin + "' and '" + end + "' must appear once each, in"
                    + " that order: fix them by hand (or delete both to append a fresh section)");
        }
        int after = e + end.length();
        if (after < document.length() && document.charAt(after) == '\n') {
            after++;
        }
        return document.substring(0, b) + body + document.substring(after);
    }

    /** Reads the file (missing = empty), replaces the section and writes it back. */
    public void write(Path file, String content) throws IOException {
        String doc = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String updated = replace(doc, content);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".section", ".tmp");
        Files.writeString(tmp, updated, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
