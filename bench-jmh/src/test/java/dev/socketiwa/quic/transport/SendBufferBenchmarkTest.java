package dev.socketiwa.quic.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bookkeeping benchmark stays in a steady state: data is acknowledged as fast as it is written. */
class SendBufferBenchmarkTest {
    @Test
    void acknowledgementsKeepUpWithWrites() {
        SendBufferBenchmark b = new SendBufferBenchmark();
        b.inFlight = 32;
        b.setUp();
        int packets = 20_000; // 22 MB through a buffer limited to 16 MiB: only works if acks free it
        for (int i = 0; i < packets; i++) {
            b.packetLifetime();
        }
        assertEquals((long) packets * SendBufferBenchmark.CHUNK, b.packetLifetime() - SendBufferBenchmark.CHUNK);
        SendBuffer buffer = b.buffer();
        assertTrue(buffer.writable() > 16 * 1024 * 1024 - 64 * SendBufferBenchmark.CHUNK,
                "at most ~inFlight packets stay unacknowledged: " + buffer.writable());
        assertFalse(buffer.hasRetransmission(), "each loss was resent");
    }
}
