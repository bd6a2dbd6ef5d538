package dev.socketiwa.quic.h3.qpack;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Known answers from RFC 7541 Appendix C.4 and C.6, plus the padding and EOS rules of §5.2. */
class HuffmanTest {
    private static final HexFormat HEX = HexFormat.of();

    private static void knownAnswer(String text, String hex) throws QpackException {
        byte[] expected = HEX.parseHex(hex);
        byte[] out = new byte[expected.length];
        assertEquals(expected.length, Huffman.encodedLength(text));
        assertEquals(expected.length, Huffman.encode(text, out, 0));
        assertEquals(hex, HEX.formatHex(out));
        assertEquals(text, Huffman.decode(expected, 0, expected.length));
    }

    @Test
    void rfc7541KnownAnswers() throws QpackException {
        knownAnswer("www.example.com", "f1e3c2e5f23a6ba0ab90f4ff");
        knownAnswer("no-cache", "a8eb10649cbf");
        knownAnswer("custom-key", "25a849e95ba97d7f");
        knownAnswer("custom-value", "25a849e95bb8e8b4bf");
        knownAnswer("302", "6402");
        knownAnswer("private", "aec3771a4b");
        knownAnswer("Mon, 21 Oct 2013 20:13:21 GMT", "d07abe941054d444a8200595040b8166e082a62d1bff");
        knownAnswer("https://www.example.com", "9d29ad171863c78f0b97c8e9ae82ae43d3");
    }

    @Test
    void everyByteRoundTrips() throws QpackException {
        char[] all = new char[256];
        for (int i = 0; i < 256; i++) all[i] = (char) i;
        String s = new String(all);
        byte[] out = new byte[Huffman.encodedLength(s)];
        Huffman.encode(s, out, 0);
        assertEquals(s, Huffman.decode(out, 0, out.length));
    }

    @Test
    void rejectsBadPaddingAndEos() {
        // 'a' is 00011; padding must be the most significant bits of EOS (ones), at most 7 bits
        assertThrows(QpackException.class, () -> Huffman.decode(new byte[] {0x18}, 0, 1));
        assertThrows(QpackException.class, () -> Huffman.decode(new byte[] {0x1f, (byte) 0xff}, 0, 2));
        // 30 ones is EOS itself
        assertThrows(QpackException.class, () -> Huffman.decode(new byte[] {-1, -1, -1, -1}, 0, 4));
    }
}
