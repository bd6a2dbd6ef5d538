package dev.socketiwa.quic.h3.qpack;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
