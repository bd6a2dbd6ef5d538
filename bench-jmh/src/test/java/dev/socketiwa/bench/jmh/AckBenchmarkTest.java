package dev.socketiwa.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketiwa.quic.frame.FrameParser;
import dev.socketiwa.quic.frame.FrameWriter;
import dev.socketiwa.quic.packet.PacketType;
import dev.socketiwa.quic.transport.RangeSet;
import org.junit.jupiter.api.Test;

/** The ACK benchmarks measure real work: the frames they write parse back to the ranges they came from. */
class AckBenchmarkTest {
    @Test
    void rangesGoDescendingAndInclusive() {
        RangeSet set = new RangeSet(8);
        set.add(0, 5);
        set.add(7, 8);
        set.add(10, 20);
        long[] out = new long[16];
        assertEquals(3, AckRanges.descending(set, out));
        assertArrayEquals(new long[] {10, 19, 7, 7, 0, 4}, java.util.Arrays.copyOf(out, 6));
    }

    @Test
    void writtenAckParsesBackToTheSameRanges() throws Exception {
        RangeSet set = new RangeSet(64);
        for (long pn = 0; pn < 1000; pn++) {
            if (pn % 62 != 30) {
                set.add(pn, pn + 1);
            }
        }
        long[] ranges = new long[128];
        int n = AckRanges.descending(set, ranges);
        byte[] frame = new byte[1200];
        int len = FrameWriter.ack(frame, 0, ranges, n, 25, frame.length);
        CountingFrameVisitor v = new CountingFrameVisitor();
        new FrameParser(true).parse(frame, 0, len, PacketType.ONE_RTT, v);
        assertEquals(999, v.ackLargest);
        assertEquals(n, v.ackRanges);
        assertEquals(17, n, "16 holes make 17 ranges");
    }

    @Test
    void benchmarkMethodsDoWhatTheyClaim() throws Exception {
        AckBenchmark b = new AckBenchmark();
        b.gaps = 16;
        b.setUp();
        assertEquals(17, b.parseAck(), "16 holes: the prepared frame holds 17 ranges");
        int before = b.recordReceived();
        for (int i = 0; i < 200; i++) {
            b.recordReceived();
        }
        assertTrue(b.recordReceived() > before, "losses in the new packet numbers add ranges");
        assertTrue(b.writeAck() > 600, "an ACK frame was written after position 600");

        b.gaps = 0;
        b.setUp();
        assertEquals(1, b.parseAck());
        assertEquals(1, b.recordReceived(), "in-order packets extend the one range");
    }
}
