package dev.socketiwa.bench.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ProbeTrailerTest {
    private final ProbeTrailer trailer = new ProbeTrailer();
    private final ByteBuffer buf = ByteBuffer.allocate(2048);

    @Test
    void roundTripsSequenceAndSendTime() {
        trailer.write(buf, 100, 123_456_789L, 987_654_321L, 42);
        assertEquals(0, buf.position());
        assertEquals(100, buf.limit());
        assertEquals(ProbeTrailer.Verdict.VALID, trailer.check(buf, 100, 42));
        assertEquals(123_456_789L, ProbeTrailer.seq(buf, 100));
        assertEquals(987_654_321L, ProbeTrailer.sendNanos(buf, 100));
    }

    @Test
    void aFlippedByteAnywhereIsCorrupt() {
        for (int at = 0; at < 60; at++) {
            trailer.write(buf, 60, 7, 8, 9);
            buf.put(at, (byte) (buf.get(at) ^ 0x10));
            assertEquals(ProbeTrailer.Verdict.CORRUPT, trailer.check(buf, 60, 9), "byte " + at);
        }
    }

    @Test
    void truncatedOrTinyDatagramsAreNotMatched() {
        trailer.write(buf, 200, 1, 2, 3);
        assertEquals(ProbeTrailer.Verdict.CORRUPT, trailer.check(buf, 199, 3));
        assertEquals(ProbeTrailer.Verdict.TOO_SHORT, trailer.check(buf, ProbeTrailer.SIZE - 1, 3));
    }

    @Test
    void anotherRunsEchoIsForeign() {
        trailer.write(buf, ProbeTrailer.SIZE, 1, 2, 3);
        assertEquals(ProbeTrailer.Verdict.FOREIGN_RUN, trailer.check(buf, ProbeTrailer.SIZE, 4));
    }
}
