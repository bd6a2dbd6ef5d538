package dev.socketiwa.plugin.core.bundle;

import dev.socketiwa.plugin.core.cbor.CborWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebBundleWriterTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void layoutOfATwoResponseBundle() {
        byte[] bundle = WebBundleWriter.write(List.of(
                new WebResource("/b", "text/plain", ascii("B")),
                new WebResource("/a", "text/plain", ascii("AA"))));
        // Responses in the given order; the index sorted by key, offsets counted from the responses array header.
        byte[] headers = new CborWriter().mapHeader(2)
                .bytes(ascii(":status")).bytes(ascii("200"))
                .bytes(ascii("content-type")).bytes(ascii("text/plain")).toByteArray();
        byte[] r1 = new CborWriter().arrayHeader(2).bytes(headers).bytes(ascii("B")).toByteArray();
        byte[] r2 = new CborWriter().arrayHeader(2).bytes(headers).bytes(ascii("AA")).toByteArray();
        byte[] responses = new CborWriter().arrayHeader(2).raw(r1).raw(r2).toByteArray();
        byte[] index = new CborWriter().mapHeader(2)
                .text("/a").arrayHeader(2).integer(1 + r1.length).integer(r2.length)
                .text("/b").arrayHeader(2).integer(1).integer(r1.length).toByteArray();
        byte[] sections = new CborWriter().arrayHeader(4).text("index").integer(index.length)
                .text("responses").integer(responses.length).toByteArray();
        CborWriter expected = new CborWriter().arrayHeader(5)
                .bytes(HexFormat.of().parseHex("f09f8c90f09f93a6")).bytes(ascii("b2\0\0")).bytes(sections)
                .arrayHeader(2).raw(index).raw(responses);
        int total = expected.size() + 9;
        expected.bytes(HexFormat.of().parseHex(String.format("%016x", total)));
        assertEquals(HexFormat.of().formatHex(expected.toByteArray()), HexFormat.of().formatHex(bundle));
    }

    @Test
    void duplicatePathsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> WebBundleWriter.write(List.of(
                new WebResource("/a", "text/plain", new byte[0]), new WebResource("/a", "text/plain", new byte[0]))));
    }
}
