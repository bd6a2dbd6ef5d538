package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.crypto.PacketProtection;
import dev.socketiwa.quic.packet.ConnectionId;
import dev.socketiwa.quic.packet.PacketProtector;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that forges 1-RTT packets with chosen frames, to check how the server treats protocol violations. */
class HostilePeerTest {
    private static final long SECOND = 1_000_000_000L;

    /** An established pair whose client keys the test can use. */
    private static Pair established(long seed) {
        Pair p = new Pair(seed);
        assertTrue(p.handshake(5 * SECOND));
        p.net.runUntil(() -> false, SECOND / 10);
        return p;
    }

    private static int forged;

    /** Sends a 1-RTT packet with the given plaintext frames from the client to the server, protected with real keys. */
    static void forge(Pair p, byte[] frames) {
        PacketProtection keys = p.clientTls.created.get(0).applicationWriteKeys(false);
        ConnectionId dcid = p.serverConn().localConnectionIds().get(0);
        byte[] buf = new byte[1500];
        buf[0] = 0x43; // short header, 4-byte packet number, key phase 0
        int pos = dcid.writeTo(buf, 1);
        int pnOffset = pos;
        long pn = p.conn.nextApplicationPacketNumber() + 1 + forged++;
        for (int i = 3; i >= 0; i--) buf[pos++] = (byte) (pn >>> (8 * i));
        System.arraycopy(frames, 0, buf, pos, frames.length);
        int len = Math.max(frames.length, 4);
        int end = new PacketProtector().seal(buf, 0, pnOffset, 4, len, pn, keys, false);
        p.server.handleDatagram(p.net.now, buf, 0, end, "client");
    }

    private static void expectServerCloses(Pair p, long error) {
        ConnectionEvent e = p.serverClose();
        assertNotNull(e, "server did not close");
        assertEquals(TransportError.name(error), TransportError.name(e.errorCode), e.reason);
        // the client learns the reason from CONNECTION_CLOSE
        assertTrue(p.net.runUntil(() -> p.clientClose() != null, 5 * SECOND));
        assertEquals(TransportError.name(error), TransportError.name(p.clientClose().errorCode));
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void streamDataBeyondTheStreamWindowIsAFlowControlError() {
        Pair p = established(21);
        // STREAM id 0, offset 256 KiB (the initial window), 1 byte
        forge(p, hex("0e00" + "80040000" + "01" + "61"));
        expectServerCloses(p, TransportError.FLOW_CONTROL_ERROR);
    }

    @Test
    void dataBeyondTheConnectionWindowIsAFlowControlError() {
        QuicConfig cfg = new QuicConfig();
        cfg.initialMaxData = 1000;
        Pair p = new Pair(22, cfg);
        assertTrue(p.handshake(5 * SECOND));
        // two streams, 600 bytes each, at offset 0: within each stream's window, over the connection's
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < 2; s++) sb.append("0a").append(String.format("%02x", 4 * s)).append("4258").append("61".repeat(600));
        forge(p, hex(sb.toString()));
        expectServerCloses(p, TransportError.FLOW_CONTROL_ERROR);
    }

    @Test
    void openingTooManyStreamsIsAStreamLimitError() {
        Pair p = established(23);
        // stream 400 = client bidi stream index 100, the limit is 100 streams
        forge(p, hex("0b" + "4190" + "0161"));
        expectServerCloses(p, TransportError.STREAM_LIMIT_ERROR);
    }

    @Test
    void frameTypeOnTheWrongStreamIsAStreamStateError() {
        Pair p = established(24);
        // STREAM on stream 3: a server-initiated unidirectional stream the client cannot send on
        forge(p, hex("0a030161"));
        expectServerCloses(p, TransportError.STREAM_STATE_ERROR);
    }

    @Test
    void handshakeDoneFromAClientIsAProtocolViolation() {
        Pair p = established(25);
        forge(p, hex("1e"));
        expectServerCloses(p, TransportError.PROTOCOL_VIOLATION);
    }

    @Test
    void unknownFrameIsAFrameEncodingError() {
        Pair p = established(26);
        forge(p, hex("4021"));
        expectServerCloses(p, TransportError.FRAME_ENCODING_ERROR);
    }

    @Test
    void tooManyConnectionIdsIsAConnectionIdLimitError() {
        Pair p = established(27);
        StringBuilder sb = new StringBuilder();
        for (int seq = 10; seq <= 14; seq++) {
            sb.append("18").append(String.format("%02x", seq)).append("00").append("08")
                    .append(String.format("%016x", 0x1111 * seq)).append("00".repeat(16));
        }
        forge(p, hex(sb.toString()));
        expectServerCloses(p, TransportError.CONNECTION_ID_LIMIT_ERROR);
    }

    @Test
    void changingTheFinalSizeIsAFinalSizeError() {
        Pair p = established(28);
        forge(p, hex("0b00" + "03616263")); // stream 0, "abc", FIN at 3
        forge(p, hex("0b00" + "0461626364")); // same stream, FIN at 4
        expectServerCloses(p, TransportError.FINAL_SIZE_ERROR);
    }

    @Test
    void keyUpdatesFromEitherSideAreFollowed() {
        Pair p = established(29);
        EchoClient c = new EchoClient(p.conn, 2, 400_000, 1);
        p.net.app(c);
        int[] updates = {0};
        p.net.app(now -> {
            // alternate sides; each update waits until the previous phase was acknowledged
            Connection who = updates[0] % 2 == 0 ? p.conn : p.serverConn();
            if (!c.allDone() && who.initiateKeyUpdate()) updates[0]++;
        });
        assertTrue(p.net.runUntil(c::allDone, 60 * SECOND));
        for (int i = 0; i < 2; i++) assertTrue(java.util.Arrays.equals(c.payloads[i], c.received[i].toByteArray()));
        assertTrue(updates[0] >= 4, "updates " + updates[0]);
        assertNull(p.serverClose());
        p.net.runUntil(() -> false, SECOND);
        assertEquals(p.conn.keyPhase(), p.serverConn().keyPhase());
    }

    /**
     * Random mutations of well-formed frame sequences, sealed with valid keys so they reach the frame parser and the
     * connection logic: the server must either accept them or close with a protocol error, never an internal error.
     */
    @Test
    void fuzzedFramesNeverCauseInternalErrors() {
        byte[][] seeds = {
                hex("0b000461626364"), hex("0e00400004000000"), hex("02050001000000"), hex("0405010a"), hex("050001"),
                hex("1040ff"), hex("11004100"), hex("1205"), hex("1405"), hex("150005"), hex("1605"),
                hex("1801000811111111111111110000000000000000000000000000000000"), hex("1901"),
                hex("1a0102030405060708"), hex("1c0a0003616263"), hex("1d0a00"), hex("31026869"), hex("0700"), hex("06000161")};
        Random r = new Random(99);
        int closes = 0;
        for (int round = 0; round < 60; round++) {
            Pair p = established(100 + round);
            for (int k = 0; k < 20 && p.serverClose() == null; k++) {
                byte[] s = seeds[r.nextInt(seeds.length)].clone();
                int mutations = r.nextInt(4);
                for (int m = 0; m < mutations; m++) s[r.nextInt(s.length)] = (byte) r.nextInt();
                if (r.nextInt(4) == 0) s = java.util.Arrays.copyOf(s, 1 + r.nextInt(s.length));
                forge(p, s);
            }
            p.net.runUntil(() -> false, SECOND / 10);
            ConnectionEvent e = p.serverClose();
            if (e != null) {
                closes++;
                assertTrue(e.byPeer || e.errorCode != TransportError.INTERNAL_ERROR, "internal error: " + e.reason);
            }
        }
        assertTrue(closes > 10, "only " + closes + " rounds ended in a close");
    }

    /** Random bit flips in real datagrams: authentication fails, the packets are dropped, the connection lives on. */
    @Test
    void corruptedDatagramsAreDroppedWithoutHarm() {
        Pair p = new Pair(31);
        Random r = new Random(5);
        p.net.filter = d -> {
            if (r.nextInt(10) == 0) {
                int at = r.nextInt(d.data.length);
                d.data[at] ^= (byte) (1 << r.nextInt(8));
            }
            return true;
        };
        EchoClient c = new EchoClient(p.conn, 2, 100_000, 3);
        p.net.app(c);
        assertTrue(p.net.runUntil(c::allDone, 120 * SECOND));
        for (int i = 0; i < 2; i++) assertTrue(java.util.Arrays.equals(c.payloads[i], c.received[i].toByteArray()));
        assertNull(p.serverClose());
    }
}
