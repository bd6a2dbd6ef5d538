package dev.socketiwa.examples.quicecho.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-connection session-ticket check against quic-echo on the JVM, directly and through the delay relay. */
class ZeroRttCheckTest {
    private static String runCheck(long delayMillis, Path dir, ZeroRttCheck.Result[] out) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ZeroRttCheck.Result[] r = ZeroRttCheck.run(null, delayMillis, dir.resolve("ticket.bin"), 1,
                new PrintStream(text, true, StandardCharsets.UTF_8));
        out[0] = r[0];
        out[1] = r[1];
        String s = text.toString(StandardCharsets.UTF_8);
        System.out.print(s);
        return s;
    }

    @Test
    void bothConnectionsPass(@TempDir Path dir) throws Exception {
        ZeroRttCheck.Result[] r = new ZeroRttCheck.Result[2];
        String text = runCheck(0, dir, r);
        assertTrue(text.contains("connection 1 (full handshake): PASS"), text);
        assertTrue(text.contains("connection 2 (0-RTT resume): PASS"), text);
        assertEquals("hello from 0-RTT", r[1].echo);
        assertTrue(r[1].sentBeforeHandshake && r[1].earlyDataAccepted && r[1].zeroRttPackets > 0);
    }

    @Test
    void throughTheDelayRelay(@TempDir Path dir) throws Exception {
        ZeroRttCheck.Result[] r = new ZeroRttCheck.Result[2];
        String text = runCheck(50, dir, r);
        assertTrue(text.contains("connection 1 (full handshake): PASS"), text);
        assertTrue(text.contains("connection 2 (0-RTT resume): PASS"), text);
        // The relay really delays: no echo can come back before its round trips (the times themselves are only
        // reported; comparing them would be a speed assertion on a shared machine).
        assertTrue(r[0].firstByteMillis >= 200, text);
        assertTrue(r[1].firstByteMillis >= 100, text);
    }
}
