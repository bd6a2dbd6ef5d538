package dev.socketiwa.quic.h3.qpack;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The examples of RFC 9204 Appendix B, run in order on one decoder as the RFC does, then malformed input. */
class QpackDecoderTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    private static List<HeaderField> decode(QpackDecoder d, long stream, String hex) throws QpackException {
        byte[] b = hex(hex);
        return d.decode(stream, b, 0, b.length);
    }

    private static void encoder(QpackDecoder d, String hex) throws QpackException {
        byte[] b = hex(hex);
        d.onEncoderStream(b, 0, b.length);
    }

    private static String drain(QpackDecoder d) {
        QpackWriter w = d.instructions();
        String s = HEX.formatHex(w.toByteArray());
        w.clear();
        return s;
    }

    private static HeaderField f(String n, String v) {
        return new HeaderField(n, v);
    }

    @Test
    void b1StaticTableOnly() throws QpackException {
        QpackDecoder d = new QpackDecoder(0, 0, Long.MAX_VALUE);
        assertEquals(List.of(f(":path", "/index.html")), decode(d, 0, "0000 510b 2f69 6e64 6578 2e68 746d 6c"));
        assertEquals("", drain(d));
    }

    @Test
    void b2ToB5DynamicTable() throws QpackException {
        QpackDecoder d = new QpackDecoder(220, 1, Long.MAX_VALUE);
        // B.2: the encoder stream arrives in two pieces, cut inside an instruction
        String b2 = "3fbd01 c00f 7777 772e 6578 616d 706c 652e 636f 6d c10c 2f73 616d 706c 652f 7061 7468";
        byte[] all = hex(b2);
        d.onEncoderStream(all, 0, 7);
        assertEquals(0, d.insertCount());
        d.onEncoderStream(all, 7, all.length - 7);
        assertEquals(2, d.insertCount());
        assertEquals(List.of(f(":authority", "www.example.com"), f(":path", "/sample/path")), decode(d, 4, "0381 10 11"));
        assertEquals("84", drain(d), "Section Acknowledgment for stream 4, no separate increment");
        assertEquals(106, d.tableSize());

        // B.3: speculative insert, acknowledged by an Insert Count Increment
        encoder(d, "4a63 7573 746f 6d2d 6b65 790c 6375 7374 6f6d 2d76 616c 7565");
        assertEquals("01", drain(d));
        assertEquals(160, d.tableSize());

        // B.4: duplicate, then a section using it
        encoder(d, "02");
        assertEquals(List.of(f(":authority", "www.example.com"), f(":path", "/"), f("custom-key", "custom-value")),
                decode(d, 8, "0500 80 c1 81"));
        assertEquals(217, d.tableSize());
        d.cancelStream(8);
        assertEquals("8848", drain(d), "Section Acknowledgment then Stream Cancellation for stream 8");

        // B.5: insert with a dynamic name reference evicts the oldest entry
        encoder(d, "810d 6375 7374 6f6d 2d76 616c 7565 32");
        assertEquals(5, d.insertCount());
        assertEquals(215, d.tableSize());
        assertEquals("01", drain(d));
        assertThrows(QpackException.class, () -> decode(d, 12, "0500 83"), "absolute index 0 was evicted");
    }

    @Test
    void blockedStreamWaitsForInsertsThenDecodes() throws QpackException {
        QpackDecoder d = new QpackDecoder(220, 1, Long.MAX_VALUE);
        assertNull(decode(d, 0, "0200 80"));
        assertEquals(1, d.blockedStreams());
        QpackException tooMany = assertThrows(QpackException.class, () -> decode(d, 4, "0200 80"));
        assertEquals(QpackException.DECOMPRESSION_FAILED, tooMany.errorCode());
        encoder(d, "3fbd01 4a63 7573 746f 6d2d 6b65 790c 6375 7374 6f6d 2d76 616c 7565");
        assertEquals(List.of(f("custom-key", "custom-value")), decode(d, 0, "0200 80"));
        assertEquals(0, d.blockedStreams());
        assertEquals("80", drain(d), "the acknowledgment covers the insert");
    }

    private static long failure(QpackDecoder d, String section) {
        return assertThrows(QpackException.class, () -> decode(d, 0, section)).errorCode();
    }

    @Test
    void malformedSectionsFailDecompression() {
        QpackDecoder d = new QpackDecoder(220, 0, Long.MAX_VALUE);
        long failed = QpackException.DECOMPRESSION_FAILED;
        assertEquals(failed, failure(d, "0000 ff24"), "static index 99 does not exist");
        assertEquals(failed, failure(d, "0000 51"), "truncated literal");
        assertEquals(failed, failure(d, "0000 80"), "dynamic reference with Required Insert Count 0");
        assertEquals(failed, failure(d, "ff"), "truncated prefix");
        assertEquals(failed, failure(d, "0f00"), "Required Insert Count beyond the full range");
        assertEquals(failed, failure(d, "0200 80"), "would block, but no blocked streams are allowed");
        assertEquals(failed, failure(d, "0000 5183 1818 18"), "bad Huffman padding in a value");
        assertEquals(failed, failure(d, "0000 51ff ffff ffff ffff ffff ffff ff"), "integer overflow");
        QpackDecoder empty = new QpackDecoder(0, 0, Long.MAX_VALUE);
        assertEquals(failed, failure(empty, "0100"), "no table, but a Required Insert Count");
    }

    @Test
    void encoderStreamErrors() {
        long code = QpackException.ENCODER_STREAM_ERROR;
        assertEquals(code, assertThrows(QpackException.class,
                () -> encoder(new QpackDecoder(100, 0, Long.MAX_VALUE), "3f46")).errorCode(), "capacity above our maximum");
        assertEquals(code, assertThrows(QpackException.class,
                () -> encoder(new QpackDecoder(100, 0, Long.MAX_VALUE), "c000")).errorCode(), "insert does not fit capacity 0");
        assertEquals(code, assertThrows(QpackException.class,
                () -> encoder(new QpackDecoder(100, 0, Long.MAX_VALUE), "3f45 00")).errorCode(), "duplicate of nothing");
        assertEquals(code, assertThrows(QpackException.class,
                () -> encoder(new QpackDecoder(100, 0, Long.MAX_VALUE), "3f45 8000")).errorCode(), "dynamic name ref to nothing");
    }

    @Test
    void fieldSectionLimitIsAStreamError() {
        QpackDecoder d = new QpackDecoder(0, 0, 40);
        QpackException e = assertThrows(QpackException.class, () -> decode(d, 0, "0000 510b 2f69 6e64 6578 2e68 746d 6c"));
        assertInstanceOf(FieldSectionTooLargeException.class, e);
        assertEquals(0x10e, e.errorCode());
    }
}
