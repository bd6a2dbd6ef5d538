package dev.socketiwa.quic.transport;

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
 * The sender's loss bookkeeping for stream data: one 1100-byte packet's lifetime per operation (write, copy out,
 * mark sent, and the acknowledgement of the packet sent {@code inFlight} packets earlier), with every 50th packet
 * declared lost, resent and acknowledged 16 packets later. SendBuffer is package-private in quic-stack, hence this
 * benchmark lives in its package (class path only; quic-stack is no JPMS module).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SendBufferBenchmark {
    static final int CHUNK = 1100;

    @Param({"32"})
    public int inFlight;

    private SendBuffer buffer;
    private final byte[] data = new byte[CHUNK];
    private final byte[] packet = new byte[1200];
    private long next;
    private long packets;
    private long resent = -1;

    @Setup
    public void setUp() {
        buffer = new SendBuffer(64 * 1024, 16 * 1024 * 1024);
        next = 0;
        packets = 0;
        resent = -1;
    }

    /** For the test: the buffer under measurement. */
    SendBuffer buffer() {
        return buffer;
    }

    @Benchmark
    public long packetLifetime() {
        long off = next;
        buffer.write(data, 0, CHUNK);
        buffer.copy(off, packet, 0, CHUNK);
        buffer.onSent(off, CHUNK, false);
        next += CHUNK;
        long k = packets++;
        long old = off - (long) inFlight * CHUNK;
        if (old >= 0) {
            if (k % 50 == 0) {
                buffer.onLost(old, CHUNK, false);
                buffer.copy(old, packet, 0, CHUNK);
                buffer.onSent(old, CHUNK, false);
                resent = old;
            } else {
                buffer.onAcked(old, CHUNK, false);
            }
            if (k % 50 == 16 && resent >= 0) {
                buffer.onAcked(resent, CHUNK, false);
                resent = -1;
            }
        }
        return buffer.sentEnd();
    }
}
