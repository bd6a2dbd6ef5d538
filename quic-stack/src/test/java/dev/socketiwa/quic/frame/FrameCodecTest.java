package dev.socketiwa.quic.frame;

import dev.socketiwa.quic.packet.PacketType;
import dev.socketiwa.quic.transport.QuicException;
import dev.socketiwa.quic.transport.TransportError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrameCodecTest {
    /** Records frames as strings. */
    static final class Log implements FrameVisitor {
        final List<String> seen = new ArrayList<>();

        public void onPing() { seen.add("PING"); }
        public void onAck(AckFrame a) {
            StringBuilder sb = new StringBuilder("ACK delay=" + a.ackDelay);
            for (int i = 0; i < a.rangeCount(); i++) sb.append(' ').append(a.smallest(i)).append('-').append(a.largest(i));
            seen.add(sb.toString());
        }
        public void onResetStream(long id, long e, long f) { seen.add("RESET " + id + " " + e + " " + f); }
        public void onStopSending(long id, long e) { seen.add("STOP " + id + " " + e); }
        public void onCrypto(long o, byte[] b, int off, int len) { seen.add("CRYPTO " + o + " " + new String(b, off, len)); }
        public void onNewToken(byte[] b, int off, int len) { seen.add("TOKEN " + len); }
        public void onStream(long id, long o, byte[] b, int off, int len, boolean fin) {
            seen.add("STREAM " + id + " " + o + " " + new String(b, off, len) + (fin ? " FIN" : ""));
        }
        public void onMaxData(long m) { seen.add("MAX_DATA " + m); }
        public void onMaxStreamData(long id, long m) { seen.add("MAX_STREAM_DATA " + id + " " + m); }
        public void onMaxStreams(boolean bidi, long m) { seen.add("MAX_STREAMS " + bidi + " " + m); }
        public void onDataBlocked(long l) { seen.add("DATA_BLOCKED " + l); }
        public void onStreamDataBlocked(long id, long l) { seen.add("STREAM_DATA_BLOCKED " + id + " " + l); }
        public void onStreamsBlocked(boolean bidi, long l) { seen.add("STREAMS_BLOCKED " + bidi + " " + l); }
        public void onNewConnectionId(long s, long r, byte[] b, int co, int cl, int to) { seen.add("NEW_CID " + s + " " + r + " " + cl); }
        public void onRetireConnectionId(long s) { seen.add("RETIRE " + s); }
        public void onPathChallenge(byte[] b, int off) { seen.add("CHALLENGE " + b[off]); }
        public void onPathResponse(byte[] b, int off) { seen.add("RESPONSE " + b[off]); }
        public void onConnectionClose(boolean app, long e, long ft, byte[] b, int off, int len) {
            seen.add("CLOSE " + app + " " + e + " " + ft + " " + new String(b, off, len));
        }
        public void onHandshakeDone() { seen.add("HANDSHAKE_DONE"); }
        public void onDatagram(byte[] b, int off, int len) { seen.add("DATAGRAM " + new String(b, off, len)); }
    }

    private static List<String> parse(byte[] buf, int len, PacketType type) throws QuicException {
        Log log = new Log();
        new FrameParser(true).parse(buf, 0, len, type, log);
        return log.seen;
    }

    @Test
    void everyFrameRoundTrips() throws Exception {
        byte[] b = new byte[2000];
        int p = 0;
        p = FrameWriter.ping(b, p);
        p = FrameWriter.ack(b, p, new long[]{10, 12, 5, 7, 0, 2}, 3, 9, 100);
        p = FrameWriter.resetStream(b, p, 4, 77, 1000);
        p = FrameWriter.stopSending(b, p, 8, 5);
        p = FrameWriter.cryptoHeader(b, p, 300, 3);
        b[p++] = 'a'; b[p++] = 'b'; b[p++] = 'c';
        p = FrameWriter.newToken(b, p, new byte[]{1, 2});
        p = FrameWriter.streamHeader(b, p, 1, 70000, 2, true, true);
        b[p++] = 'h'; b[p++] = 'i';
        p = FrameWriter.maxData(b, p, 1 << 20);
        p = FrameWriter.maxStreamData(b, p, 3, 4096);
        p = FrameWriter.maxStreams(b, p, false, 17);
        p = FrameWriter.dataBlocked(b, p, 9);
        p = FrameWriter.streamDataBlocked(b, p, 2, 11);
        p = FrameWriter.streamsBlocked(b, p, true, 3);
        p = FrameWriter.newConnectionId(b, p, 5, 2, new byte[8], new byte[16]);
        p = FrameWriter.retireConnectionId(b, p, 1);
        p = FrameWriter.pathChallenge(b, p, new byte[]{9, 0, 0, 0, 0, 0, 0, 0}, 0, false);
        p = FrameWriter.pathChallenge(b, p, new byte[]{8, 0, 0, 0, 0, 0, 0, 0}, 0, true);
        p = FrameWriter.handshakeDone(b, p);
        p = FrameWriter.datagramHeader(b, p, 2);
        b[p++] = 'd'; b[p++] = 'g';
        p = FrameWriter.connectionClose(b, p, true, 42, 0, "bye".getBytes());
        p = FrameWriter.padding(b, p, 10);
        assertEquals(List.of("PING", "ACK delay=9 10-12 5-7 0-2", "RESET 4 77 1000", "STOP 8 5", "CRYPTO 300 abc", "TOKEN 2",
                "STREAM 1 70000 hi FIN", "MAX_DATA 1048576", "MAX_STREAM_DATA 3 4096", "MAX_STREAMS false 17",
                "DATA_BLOCKED 9", "STREAM_DATA_BLOCKED 2 11", "STREAMS_BLOCKED true 3", "NEW_CID 5 2 8", "RETIRE 1",
                "CHALLENGE 9", "RESPONSE 8", "HANDSHAKE_DONE", "DATAGRAM dg", "CLOSE true 42 0 bye"),
                parse(b, p, PacketType.ONE_RTT));
    }

    @Test
    void ackWriterDropsOldRangesThatDoNotFit() throws Exception {
        long[] ranges = new long[200];
        for (int i = 0; i < 100; i++) {
            ranges[2 * i] = 1000 - 3L * i;
            ranges[2 * i + 1] = 1000 - 3L * i;
        }
        byte[] b = new byte[100];
        int p = FrameWriter.ack(b, 0, ranges, 100, 0, 30);
        assertEquals(true, p <= 30 && p > 0);
        String ack = parse(b, p, PacketType.ONE_RTT).get(0);
        assertEquals(true, ack.startsWith("ACK delay=0 1000-1000 997-997"));
    }

    private static long errorOf(String hex, PacketType type) {
        byte[] b = HexFormat.of().parseHex(hex);
        return assertThrows(QuicException.class, () -> parse(b, b.length, type)).errorCode();
    }

    @Test
    void malformedFramesGiveTheRightErrors() {
        assertEquals(TransportError.FRAME_ENCODING_ERROR, errorOf("40", PacketType.ONE_RTT));        // truncated varint
        assertEquals(TransportError.FRAME_ENCODING_ERROR, errorOf("21", PacketType.ONE_RTT));        // unknown type
        assertEquals(TransportError.FRAME_ENCODING_ERROR, errorOf("0a0005616263", PacketType.ONE_RTT)); // STREAM len > packet
        assertEquals(TransportError.FRAME_ENCODING_ERROR, errorOf("0205000006", PacketType.ONE_RTT)); // ACK first range > largest
        assertEquals(TransportError.FRAME_ENCODING_ERROR, errorOf("02050001000a00", PacketType.ONE_RTT)); // ACK gap below 0
        assertEquals(TransportError.FRAME_ENCODING_ERROR, errorOf("0700", PacketType.ONE_RTT));      // empty NEW_TOKEN
        assertEquals(TransportError.FRAME_ENCODING_ERROR, errorOf("1801000000", PacketType.ONE_RTT)); // NEW_CID length 0
        assertEquals(TransportError.FRAME_ENCODING_ERROR, errorOf("180102080102030405060708", PacketType.ONE_RTT)); // retire > seq
        assertEquals(TransportError.FRAME_ENCODING_ERROR, errorOf("12d000000000000001", PacketType.ONE_RTT)); // MAX_STREAMS > 2^60
        assertEquals(TransportError.FRAME_ENCODING_ERROR, errorOf("0ec0ffffffffffffff01", PacketType.ONE_RTT)); // offset+len > 2^62
        assertEquals(TransportError.PROTOCOL_VIOLATION, errorOf("08000161", PacketType.INITIAL));     // STREAM in Initial
        assertEquals(TransportError.PROTOCOL_VIOLATION, errorOf("1e", PacketType.HANDSHAKE));         // HANDSHAKE_DONE in Handshake
        assertEquals(TransportError.PROTOCOL_VIOLATION, errorOf("1d0000", PacketType.INITIAL));       // app close in Initial
        assertEquals(TransportError.PROTOCOL_VIOLATION, errorOf("0600016161", PacketType.ZERO_RTT));  // CRYPTO in 0-RTT
        assertEquals(TransportError.PROTOCOL_VIOLATION, errorOf("", PacketType.ONE_RTT));             // no frames
    }

    @Test
    void datagramsRejectedWhenNotNegotiated() {
        byte[] b = HexFormat.of().parseHex("310161");
        QuicException e = assertThrows(QuicException.class, () -> new FrameParser(false).parse(b, 0, 3, PacketType.ONE_RTT, new Log()));
        assertEquals(TransportError.PROTOCOL_VIOLATION, e.errorCode());
    }
}
