package dev.socketiwa.quic.websocket;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sans-IO WebSocket codec: a client and a server session wired back to back, then hand-made bad frames. */
class WebSocketSessionTest {
    static final class Events implements WebSocketListener {
        final List<String> log = new ArrayList<>();
        final List<byte[]> binaries = new ArrayList<>();
        int closeCode;
        int closes;

        public void onText(String m) {
            log.add("text:" + m);
        }

        public void onBinary(byte[] m) {
            binaries.add(m);
            log.add("binary:" + m.length);
        }

        public void onPing(byte[] p) {
            log.add("ping:" + new String(p, StandardCharsets.UTF_8));
        }

        public void onPong(byte[] p) {
            log.add("pong:" + new String(p, StandardCharsets.UTF_8));
        }

        public void onClose(int code, String reason) {
            closes++;
            closeCode = code;
            log.add("close:" + code + ":" + reason);
        }
    }

    private final Random seeded = new Random(1);
    private final Events clientEvents = new Events();
    private final Events serverEvents = new Events();
    private final WebSocketSession client = WebSocketSession.client(1000, clientEvents,
            (b, off, len) -> { for (int i = 0; i < len; i++) b[off + i] = (byte) seeded.nextInt(); });
    private final WebSocketSession server = WebSocketSession.server(1000, serverEvents);

    /** Moves pending bytes both ways, a chunk of the given size at a time. */
    private void pump(int chunk) {
        boolean moved = true;
        while (moved) {
            moved = move(client, server, chunk) | move(server, client, chunk);
        }
    }

    private static boolean move(WebSocketSession from, WebSocketSession to, int chunk) {
        boolean any = false;
        while (from.pendingOutput() > 0) {
            int n = Math.min(chunk, from.pendingOutput());
            to.receive(from.output(), from.outputOffset(), n);
            from.consume(n);
            any = true;
        }
        return any;
    }

    @Test
    void textAndBinaryBothWaysAtAnyChunking() {
        for (int chunk : new int[] {1, 3, 1000}) {
            WebSocketSessionTest t = new WebSocketSessionTest();
            t.client.sendText("héllo ✓ 𝄞");
            byte[] bin = new byte[700];
            new Random(2).nextBytes(bin);
            t.client.sendBinary(bin, 0, bin.length);
            t.server.sendText("");
            t.pump(chunk);
            assertEquals(List.of("text:héllo ✓ 𝄞", "binary:700"), t.serverEvents.log);
            assertArrayEquals(bin, t.serverEvents.binaries.get(0));
            assertEquals(List.of("text:"), t.clientEvents.log);
        }
    }

    @Test
    void clientFramesAreMaskedAndServerFramesAreNot() {
        client.sendText("abc");
        byte[] wire = Arrays.copyOfRange(client.output(), client.outputOffset(), client.outputOffset() + client.pendingOutput());
        assertEquals(0x81, wire[0] & 0xff);
        assertEquals(0x83, wire[1] & 0xff, "mask bit set, length 3");
        assertEquals(2 + 4 + 3, wire.length);
        server.sendText("abc");
        assertArrayEquals(new byte[] {(byte) 0x81, 3, 'a', 'b', 'c'},
                Arrays.copyOfRange(server.output(), server.outputOffset(), server.outputOffset() + server.pendingOutput()));
    }

    @Test
    void fragmentedTextWithAUtf8SequenceSplitAcrossFragments() {
        byte[] all = "a€b".getBytes(StandardCharsets.UTF_8); // € is E2 82 AC
        client.sendFrame(WsOpcode.TEXT, false, all, 0, 2);
        client.ping("mid".getBytes(StandardCharsets.UTF_8)); // control frames may interleave
        client.sendFrame(WsOpcode.CONTINUATION, false, all, 2, 1);
        client.sendFrame(WsOpcode.CONTINUATION, true, all, 3, all.length - 3);
        pump(1000);
        assertEquals(List.of("ping:mid", "text:a€b"), serverEvents.log);
        assertEquals(List.of("pong:mid"), clientEvents.log);
    }

    @Test
    void closeHandshakeWithCodeAndReason() {
        client.close(4001, "bye now");
        assertFalse(client.sendText("late"), "nothing is sent after Close");
        pump(7);
        assertEquals(List.of("close:4001:bye now"), serverEvents.log);
        // RFC 6455 7.1.5/7.1.6: each side reports the Close it received; the echo repeats code and reason
        assertEquals(List.of("close:4001:bye now"), clientEvents.log);
        assertTrue(client.isClosed() && server.isClosed());
        assertTrue(client.outputDone() && server.outputDone());
        assertThrows(IllegalArgumentException.class, () -> server.close(1005, ""));
    }

    @Test
    void streamEndWithoutCloseIs1006() {
        server.onInputEnded();
        assertEquals(WsCloseCode.ABNORMAL, serverEvents.closeCode);
        assertEquals(0, server.pendingOutput(), "1006 is never sent");
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /** Feeds raw bytes to a fresh server session; returns the code it failed with and checks it sent that code. */
    private static int serverFailsWith(byte[] wire) {
        Events e = new Events();
        WebSocketSession s = WebSocketSession.server(1000, e);
        s.receive(wire, 0, wire.length);
        assertEquals(1, e.closes, "closed once");
        byte[] out = Arrays.copyOfRange(s.output(), s.outputOffset(), s.outputOffset() + s.pendingOutput());
        assertEquals(0x88, out[0] & 0xff, "a Close frame went out");
        assertEquals(e.closeCode, ((out[2] & 0xff) << 8) | (out[3] & 0xff), "with the code");
        return e.closeCode;
    }

    /** A masked client frame with a zero mask key (so the payload reads as is). */
    private static byte[] masked(int b0, byte[] payload) {
        byte[] f = new byte[6 + payload.length];
        f[0] = (byte) b0;
        f[1] = (byte) (0x80 | payload.length);
        System.arraycopy(payload, 0, f, 6, payload.length);
        return f;
    }

    @Test
    void protocolErrorsAre1002() {
        assertEquals(1002, serverFailsWith(hex("8103616263")), "unmasked frame from a client");
        assertEquals(1002, serverFailsWith(masked(0xc1, new byte[1])), "RSV1 without extension");
        assertEquals(1002, serverFailsWith(masked(0x83, new byte[1])), "reserved opcode 3");
        assertEquals(1002, serverFailsWith(masked(0x0b, new byte[1])), "reserved control opcode 0xb");
        assertEquals(1002, serverFailsWith(masked(0x09, new byte[1])), "fragmented ping");
        assertEquals(1002, serverFailsWith(masked(0x80, new byte[1])), "continuation without a start");
        assertEquals(1002, serverFailsWith(cat(masked(0x01, new byte[1]), masked(0x81, new byte[1]))), "new message mid-fragment");
        assertEquals(1002, serverFailsWith(hex("89fe007e00000000")), "ping of 126 bytes");
        assertEquals(1002, serverFailsWith(masked(0x88, new byte[] {3})), "1-byte close");
        assertEquals(1002, serverFailsWith(masked(0x88, new byte[] {0x03, (byte) 0xed})), "close code 1005 on the wire");
        assertEquals(1002, serverFailsWith(masked(0x88, new byte[] {0x03, (byte) 0xe7})), "close code 999");
        WebSocketSession c = WebSocketSession.client(1000, new Events(), (b, o, l) -> { });
        Events ce = new Events();
        c = WebSocketSession.client(1000, ce, (b, o, l) -> { });
        c.receive(masked(0x81, new byte[1]), 0, 6 + 1);
        assertEquals(1002, ce.closeCode, "masked frame from a server");
    }

    @Test
    void invalidUtf8Is1007() {
        assertEquals(1007, serverFailsWith(masked(0x81, hex("c328"))), "bad continuation byte");
        assertEquals(1007, serverFailsWith(masked(0x81, hex("eda080"))), "surrogate");
        assertEquals(1007, serverFailsWith(masked(0x81, hex("c0af"))), "overlong");
        assertEquals(1007, serverFailsWith(masked(0x81, hex("e282"))), "ends inside a sequence");
        assertEquals(1007, serverFailsWith(cat(masked(0x01, hex("e2")), masked(0x80, hex("41")))), "split, then wrong");
        assertEquals(1007, serverFailsWith(masked(0x88, hex("03e8 ff"))), "close reason");
    }

    @Test
    void oversizedMessagesAre1009() {
        assertEquals(1009, serverFailsWith(hex("82fe03e9 00000000")), "one frame of 1001 bytes, limit 1000");
        byte[] half = new byte[600];
        assertEquals(1009, serverFailsWith(cat(masked2(0x02, half), masked2(0x80, half))), "fragments adding up");
    }

    private static byte[] masked2(int b0, byte[] payload) {
        byte[] f = new byte[8 + payload.length];
        f[0] = (byte) b0;
        f[1] = (byte) (0x80 | 126);
        f[2] = (byte) (payload.length >>> 8);
        f[3] = (byte) payload.length;
        System.arraycopy(payload, 0, f, 8, payload.length);
        return f;
    }

    private static byte[] cat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void largeMessagesUseTheLongLengthForms() {
        Events e = new Events();
        WebSocketSession big = WebSocketSession.server(1 << 20, e);
        WebSocketSession c = WebSocketSession.client(1 << 20, new Events(), (b, o, l) -> Arrays.fill(b, o, o + l, (byte) 0x5a));
        byte[] m = new byte[70_000];
        new Random(4).nextBytes(m);
        c.sendBinary(m, 0, m.length);
        assertEquals(127, c.output()[c.outputOffset() + 1] & 0x7f, "64-bit length form");
        big.receive(c.output(), c.outputOffset(), c.pendingOutput());
        assertArrayEquals(m, e.binaries.get(0));
    }
}
