package dev.socketiwa.quic.h3.qpack;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QpackEncoderTest {
    @Test
    void staticAndLiteralRoundTrip() throws QpackException {
        List<HeaderField> fields = List.of(new HeaderField(":status", "200"), new HeaderField("content-type", "text/html"),
                new HeaderField("x-custom", "\u00ff\u0000 raw bytes"), new HeaderField(":path", "/index.html"),
                new HeaderField("content-length", "1048576"));
        QpackWriter w = new QpackWriter(16);
        new QpackEncoder().encode(fields, w);
        assertEquals(fields, new QpackDecoder(0, 0, Long.MAX_VALUE).decode(0, w.array(), 0, w.length()));
    }

    @Test
    void rfc9204B1Bytes() {
        QpackWriter w = new QpackWriter(16);
        new QpackEncoder().encode(List.of(new HeaderField(":status", "200")), w);
        assertEquals("0000d9", HexFormat.of().formatHex(w.toByteArray()), "static index 25, indexed");
    }

    @Test
    void decoderStreamInstructionsAreChecked() throws QpackException {
        QpackEncoder e = new QpackEncoder();
        e.onDecoderStream(new byte[] {0x44}, 0, 1); // Stream Cancellation is harmless
        assertEquals(QpackException.DECODER_STREAM_ERROR,
                assertThrows(QpackException.class, () -> e.onDecoderStream(new byte[] {(byte) 0x84}, 0, 1)).errorCode());
        assertEquals(QpackException.DECODER_STREAM_ERROR,
                assertThrows(QpackException.class, () -> new QpackEncoder().onDecoderStream(new byte[] {0x01}, 0, 1)).errorCode());
    }

    @Test
    void dynamicTableIsUsedOnlyAfterTheInsertIsAcknowledged() throws QpackException {
        QpackEncoder e = new QpackEncoder();
        QpackDecoder d = new QpackDecoder(4096, 0, Long.MAX_VALUE);
        e.setPeerMaxTableCapacity(4096);
        List<HeaderField> fields = List.of(new HeaderField(":status", "200"),
                new HeaderField("content-type", "application/octet-stream"), new HeaderField("x-served-by", "socketiwa"));
        QpackWriter first = new QpackWriter(64);
        e.encode(0, fields, first);
        assertEquals(0, first.array()[0], "nothing acknowledged yet: Required Insert Count 0");
        QpackWriter ins = e.instructions();
        d.onEncoderStream(ins.array(), 0, ins.length());
        ins.clear();
        assertEquals(2, d.insertCount());
        assertEquals(fields, d.decode(0, first.array(), 0, first.length()));
        QpackWriter acks = d.instructions();
        e.onDecoderStream(acks.array(), 0, acks.length());
        acks.clear();
        assertEquals(2, e.knownReceivedCount());

        QpackWriter second = new QpackWriter(64);
        e.encode(4, fields, second);
        assertEquals(0, e.instructions().length(), "no new inserts");
        assertTrue(second.length() < first.length(), "references are shorter than literals");
        assertEquals(fields, d.decode(4, second.array(), 0, second.length()));
        acks = d.instructions();
        assertEquals("84", HexFormat.of().formatHex(acks.toByteArray()), "Section Acknowledgment for stream 4");
        e.onDecoderStream(acks.array(), 0, acks.length());
        // a second acknowledgment for the same stream has no section left to acknowledge
        assertThrows(QpackException.class, () -> e.onDecoderStream(new byte[] {(byte) 0x84}, 0, 1));
    }

    @Test
    void fullTableFallsBackToLiterals() throws QpackException {
        QpackEncoder e = new QpackEncoder();
        QpackDecoder d = new QpackDecoder(100, 0, Long.MAX_VALUE);
        e.setPeerMaxTableCapacity(100);
        QpackWriter w = new QpackWriter(64);
        for (int i = 0; i < 5; i++) {
            List<HeaderField> fields = List.of(new HeaderField("x-n", "value-" + i));
            w.clear();
            e.encode(i * 4L, fields, w);
            QpackWriter ins = e.instructions();
            d.onEncoderStream(ins.array(), 0, ins.length());
            ins.clear();
            assertEquals(fields, d.decode(i * 4L, w.array(), 0, w.length()));
        }
        assertEquals(2, e.insertCount(), "two 44-byte entries fit in 100 bytes, and nothing is evicted");
    }
}
