package dev.socketiwa.bench.jmh;

import dev.socketiwa.quic.frame.FrameParser;
import dev.socketiwa.quic.frame.FrameWriter;
import dev.socketiwa.quic.packet.PacketType;
import dev.socketiwa.quic.transport.QuicException;
import dev.socketiwa.quic.transport.RangeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The receiver's side of acknowledgements: recording a received packet number in the RangeSet the connection keeps
 * (64 ranges, as PacketSpace), writing an ACK frame from those ranges, and parsing it on the other side. {@code gaps}
 * is the number of missing packets in the acknowledged window (0 = in-order delivery, one range).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AckBenchmark {
    @Param({"0", "16"})
    public int gaps;

    private final RangeSet received = new RangeSet(64);
    private final long[] ranges = new long[128];
    private int rangeCount;
    private final byte[] frame = new byte[1200];
    private int frameLength;
    private final FrameParser parser = new FrameParser(true);
    private final CountingFrameVisitor visitor = new CountingFrameVisitor();
    private long nextPn;

    @Setup
    public void setUp() {
        received.clear();
        // 1000 packets received; with gaps, every (1000/gaps)-th one missing
        for (long pn = 0; pn < 1000; pn++) {
            if (gaps == 0 || pn % (1000 / gaps) != 30) {
                received.add(pn, pn + 1);
            }
        }
        rangeCount = AckRanges.descending(received, ranges);
        frameLength = FrameWriter.ack(frame, 0, ranges, rangeCount, 25, frame.length);
        nextPn = 1000;
    }

    /** One new packet number recorded: in-order arrivals extend the top range; with gaps a hole appears every so often. */
    @Benchmark
    public int recordReceived() {
        long pn = nextPn++;
        if (gaps > 0 && pn % 64 == 7) {
            pn = nextPn++; // skip one: a loss
        }
        received.add(pn, pn + 1);
        return received.size();
    }

    @Benchmark
    public int writeAck() {
        int n = AckRanges.descending(received, ranges);
        return FrameWriter.ack(frame, 600, ranges, n, 25, 500);
    }

    @Benchmark
    public int parseAck() throws QuicException {
        parser.parse(frame, 0, frameLength, PacketType.ONE_RTT, visitor);
        return visitor.ackRanges;
    }
}
