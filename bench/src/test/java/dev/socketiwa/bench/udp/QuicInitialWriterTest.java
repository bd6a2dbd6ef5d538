package dev.socketiwa.bench.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Parses what the writer produced with RFC 9000's long-header rules, independently of the writer's own helpers. */
class QuicInitialWriterTest {
    private final ByteBuffer buf = ByteBuffer.allocate(1500);

    /** Offsets of a parsed long header. */
    private record Header(int first, int version, int dcidLength, int scidLength, long tokenLength, int lengthAt,
                          long length, int pnLength) {
    }

    private Header parse(int datagramLength) {
        int at = 0;
        int first = buf.get(at++) & 0xFF;
        int version = buf.getInt(at);
        at += 4;
        int dcid = buf.get(at++) & 0xFF;
        at += dcid;
        int scid = buf.get(at++) & 0xFF;
        at += scid;
        long token = buf.get(at++) & 0xFF; // our writer always uses the 1-byte varint form for 0
        int lengthAt = at;
        int v = buf.getShort(at) & 0xFFFF;
        assertEquals(0x4000, v & 0xC000, "Length must be a 2-byte varint");
        assertTrue(lengthAt + 2 <= datagramLength);
        return new Header(first, version, dcid, scid, token, lengthAt, v & 0x3FFF, (first & 0x03) + 1);
    }

    @Test
    void initialsAreSyntacticallyValidV1ClientInitials() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            int length = QuicInitialWriter.writeInitial(buf, 1200, rnd);
            assertEquals(1200, length);
            Header h = parse(length);
            assertEquals(0xC0, h.first & 0xF0, "long header, fixed bit, Initial type");
            assertEquals(0, h.first & 0x0C, "reserved bits");
            assertEquals(1, h.version);
            assertTrue(h.dcidLength >= 8 && h.dcidLength <= 20, "client DCID is 8..20 bytes");
            assertTrue(h.scidLength <= 20);
            assertEquals(0, h.tokenLength);
            assertEquals(1200, h.lengthAt + 2 + h.length, "Length covers exactly the rest of the datagram");
            assertTrue(h.length >= h.pnLength + 20, "room for the header-protection sample");
        }
    }

    @Test
    void malformedVariantsBreakWhatTheyClaim() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < 50; i++) {
            int n = QuicInitialWriter.writeMalformed(buf, QuicInitialWriter.Malformed.LENGTH_OVERRUN, 28, 1472, rnd);
            Header h = parse(n);
            assertTrue(h.lengthAt + 2 + h.length > n, "Length overruns the datagram");

            n = QuicInitialWriter.writeMalformed(buf, QuicInitialWriter.Malformed.CID_TOO_LONG, 28, 1472, rnd);
            assertTrue((buf.get(5) & 0xFF) > 20);

            n = QuicInitialWriter.writeMalformed(buf, QuicInitialWriter.Malformed.FIXED_BIT_CLEAR, 28, 1472, rnd);
            assertEquals(0x80, buf.get(0) & 0xC0);

            n = QuicInitialWriter.writeMalformed(buf, QuicInitialWriter.Malformed.UNDERSIZED_INITIAL, 28, 1472, rnd);
            assertTrue(n < 1200 && n >= 28);
            h = parse(n);
            assertEquals(n, h.lengthAt + 2 + h.length, "well formed, just too small");
            assertTrue(h.lengthAt + 2 + h.pnLength <= n - ProbeTrailer.SIZE, "the trailer never overlaps the header");

            n = QuicInitialWriter.writeMalformed(buf, QuicInitialWriter.Malformed.UNKNOWN_VERSION, 28, 1472, rnd);
            int version = buf.getInt(1);
            assertEquals(0x0a0a0a0a, version & 0x0f0f0f0f);
            assertNotEquals(1, version);

            n = QuicInitialWriter.writeMalformed(buf, QuicInitialWriter.Malformed.GARBAGE, 28, 1472, rnd);
            assertTrue(n >= 28 && n <= 1472);
        }
    }

    @Test
    void chaosMixIsASeededSequenceCoveringAllSizesAndKinds() {
        ChaosMix a = new ChaosMix(99);
        ChaosMix b = new ChaosMix(99);
        ByteBuffer other = ByteBuffer.allocate(1500);
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < 20_000; i++) {
            buf.clear();
            other.clear();
            int la = a.writeNext(buf);
            int lb = b.writeNext(other);
            assertEquals(la, lb);
            assertEquals(a.lastKind(), b.lastKind());
            a.countSent();
            min = Math.min(min, la);
            max = Math.max(max, la);
            assertTrue(la >= 1 && la <= ChaosMix.MAX_SIZE);
            assertEquals(a.lastKind() == ChaosMix.Kind.TINY, la < ProbeTrailer.SIZE);
        }
        assertEquals(1, min);
        assertTrue(max >= 1400, "sizes reach near 1472, max was " + max);
        for (ChaosMix.Kind k : ChaosMix.Kind.values()) {
            assertTrue(a.sent(k) > 1000, k + " appears");
        }
        for (QuicInitialWriter.Malformed m : QuicInitialWriter.Malformed.values()) {
            assertTrue(a.sentMalformed(m) > 100, m + " appears");
        }
    }
}
