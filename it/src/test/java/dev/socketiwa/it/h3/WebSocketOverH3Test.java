package dev.socketiwa.it.h3;

import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.quic.websocket.WsOpcode;
import dev.socketiwa.runtime.h3.DemoRoutes;
import dev.socketiwa.runtime.h3.Routes;
import dev.socketiwa.runtime.websocket.WebSocket;
import dev.socketiwa.runtime.websocket.WebSocketEcho;
import dev.socketiwa.runtime.websocket.WebSocketHandler;
import dev.socketiwa.runtime.websocket.WebSockets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WebSocket over HTTP/3 (RFC 9220) between our client and our JVM server over the network: echo of text and binary,
 * fragmented messages, ping/pong, both closing handshakes with code and reason, and the failures a peer's bad frames
 * cause (1007 invalid UTF-8, 1009 too big, 1002 protocol errors), each seen by the client as the server's Close code.
 */
class WebSocketOverH3Test {
    /** What the server's recording endpoint saw, read by the test thread. */
    private static final Queue<String> serverSaw = new ConcurrentLinkedQueue<>();
    private static OurH3Server server;

    private OurH3Client client;

    @BeforeAll
    static void start() {
        server = new OurH3Server(() -> Routes.builder()
                .webSocket("/ws", new WebSocketEcho())
                .webSocket("/record", new WebSocketHandler() {
                    @Override
                    public void onOpen(WebSocket ws) {
                        serverSaw.add("open " + ws.path());
                    }

                    @Override
                    public void onText(WebSocket ws, String m) {
                        serverSaw.add("text " + m);
                        if (m.equals("close-me")) ws.close(4002, "as asked");
                    }

                    @Override
                    public void onBinary(WebSocket ws, byte[] m) {
                        serverSaw.add("binary " + m.length);
                    }

                    @Override
                    public void onClose(WebSocket ws, int code, String reason) {
                        serverSaw.add("close " + code + " " + reason);
                    }
                })
                .build());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.close();
    }

    @BeforeEach
    void connect() {
        client = new OurH3Client(server.port(), server.certificate.der());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    /** The client side's events, in order. */
    static final class Recorder implements WebSocketHandler {
        final List<String> log = new ArrayList<>();
        final List<byte[]> binaries = new ArrayList<>();
        boolean opened;
        int closeCode;
        String closeReason;

        @Override
        public void onOpen(WebSocket ws) {
            opened = true;
        }

        @Override
        public void onText(WebSocket ws, String m) {
            log.add("text " + m);
        }

        @Override
        public void onBinary(WebSocket ws, byte[] m) {
            binaries.add(m);
            log.add("binary " + m.length);
        }

        @Override
        public void onPong(WebSocket ws, byte[] p) {
            log.add("pong " + new String(p, StandardCharsets.UTF_8));
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason) {
            closeCode = code;
            closeReason = reason;
            log.add("close " + code + " " + reason);
        }
    }

    private WebSocket open(String path, Recorder r) {
        WebSocket ws = WebSockets.connect(client.h3, path, r, new SecureRandomSource());
        run(() -> r.opened || r.closeCode != 0);
        assertTrue(r.opened, "not opened: " + r.log);
        return ws;
    }

    private void run(BooleanSupplier done) {
        client.h3.runUntil(done, 10_000);
    }

    @Test
    void echoesTextAndBinary() {
        Recorder r = new Recorder();
        WebSocket ws = open("/ws", r);
        assertTrue(ws.sendText("héllo, RFC 9220 ✓"));
        byte[] big = new byte[200_000];
        new Random(9).nextBytes(big);
        assertTrue(ws.sendBinary(big));
        assertTrue(ws.sendText(""));
        run(() -> r.log.size() >= 3);
        assertEquals(List.of("text héllo, RFC 9220 ✓", "binary 200000", "text "), r.log);
        assertArrayEquals(big, r.binaries.get(0));
        ws.close(1000, "done");
        run(() -> r.closeCode != 0);
        assertEquals(1000, r.closeCode);
    }

    @Test
    void fragmentedMessagesArriveWhole() {
        Recorder r = new Recorder();
        WebSocket ws = open("/ws", r);
        byte[] text = "frag-€-ment".getBytes(StandardCharsets.UTF_8);
        // the € (3 bytes) is split across the first two fragments; a ping sits between fragments
        ws.sendFrame(WsOpcode.TEXT, false, text, 0, 6);
        ws.ping("between".getBytes(StandardCharsets.US_ASCII));
        ws.sendFrame(WsOpcode.CONTINUATION, false, text, 6, 2);
        ws.sendFrame(WsOpcode.CONTINUATION, true, text, 8, text.length - 8);
        byte[] bin = {1, 2, 3, 4, 5};
        ws.sendFrame(WsOpcode.BINARY, false, bin, 0, 2);
        ws.sendFrame(WsOpcode.CONTINUATION, true, bin, 2, 3);
        run(() -> r.log.size() >= 3);
        assertEquals(List.of("pong between", "text frag-€-ment", "binary 5"), r.log);
        assertArrayEquals(bin, r.binaries.get(0));
    }

    @Test
    void pingIsAnsweredWithPong() {
        Recorder r = new Recorder();
        WebSocket ws = open("/ws", r);
        assertTrue(ws.ping("are you there".getBytes(StandardCharsets.US_ASCII)));
        run(() -> !r.log.isEmpty());
        assertEquals(List.of("pong are you there"), r.log);
    }

    @Test
    void clientCloseHandshakeCarriesCodeAndReason() {
        serverSaw.clear();
        Recorder r = new Recorder();
        WebSocket ws = open("/record", r);
        ws.sendText("one");
        ws.close(4001, "client leaving");
        assertFalse(ws.isOpen());
        assertFalse(ws.sendText("too late"));
        run(() -> r.closeCode != 0);
        assertEquals(4001, r.closeCode, "the server echoes our code");
        waitFor(() -> serverSaw.contains("close 4001 client leaving"));
        assertEquals(List.of("open /record", "text one", "close 4001 client leaving"), new ArrayList<>(serverSaw));
    }

    @Test
    void serverCloseHandshakeCarriesCodeAndReason() {
        serverSaw.clear();
        Recorder r = new Recorder();
        WebSocket ws = open("/record", r);
        assertTrue(ws.sendText("close-me"));
        run(() -> r.closeCode != 0);
        assertEquals(4002, r.closeCode);
        assertEquals("as asked", r.closeReason);
        waitFor(() -> serverSaw.stream().anyMatch(s -> s.startsWith("close 4002")));
    }

    /** Sends raw frame bytes (bypassing our codec) and returns the code the server failed the WebSocket with. */
    private int serverFailsWith(byte[] raw) {
        Recorder r = new Recorder();
        WebSocket ws = open("/ws", r);
        assertEquals(raw.length, ws.writeRaw(raw, 0, raw.length));
        run(() -> r.closeCode != 0);
        return r.closeCode;
    }

    /** A masked client frame with an all-zero key, so the payload bytes go out as written. */
    private static byte[] maskedFrame(int b0, byte[] payload) {
        byte[] f = new byte[6 + payload.length];
        f[0] = (byte) b0;
        f[1] = (byte) (0x80 | payload.length);
        System.arraycopy(payload, 0, f, 6, payload.length);
        return f;
    }

    @Test
    void invalidUtf8Is1007() {
        assertEquals(1007, serverFailsWith(maskedFrame(0x81, new byte[] {'o', 'k', (byte) 0xc3, 0x28})));
    }

    @Test
    void oversizedMessageIs1009() {
        Recorder r = new Recorder();
        WebSocket ws = open("/ws", r);
        ws.sendBinary(new byte[dev.socketiwa.quic.websocket.WebSocketSession.DEFAULT_MAX_MESSAGE + 1]);
        run(() -> r.closeCode != 0);
        assertEquals(1009, r.closeCode);
    }

    @Test
    void protocolErrorsAre1002() {
        assertEquals(1002, serverFailsWith(new byte[] {(byte) 0x81, 2, 'h', 'i'}), "unmasked client frame");
        assertEquals(1002, serverFailsWith(maskedFrame(0x83, new byte[1])), "reserved opcode");
        assertEquals(1002, serverFailsWith(maskedFrame(0x80, new byte[1])), "continuation without a message");
        assertEquals(1002, serverFailsWith(maskedFrame(0x09, new byte[1])), "fragmented ping");
    }

    @Test
    void unknownWebSocketPathIsRefused() {
        Recorder r = new Recorder();
        WebSockets.connect(client.h3, "/nowhere", r, new SecureRandomSource());
        run(() -> r.closeCode != 0);
        assertFalse(r.opened);
        assertEquals(1006, r.closeCode);
        assertEquals("the server answered 404", r.closeReason);
    }

    @Test
    void demoRoutesServeTheEchoAtWs() {
        // the same /ws the quic-echo example serves, declared in DemoRoutes through Routes.webSocket
        OurH3Server demo = new OurH3Server(DemoRoutes::new);
        try (OurH3Client c = new OurH3Client(demo.port(), demo.certificate.der())) {
            Recorder r = new Recorder();
            WebSocket ws = WebSockets.connect(c.h3, "/ws", r, new SecureRandomSource());
            c.h3.runUntil(() -> r.opened, 10_000);
            ws.sendText("demo");
            c.h3.runUntil(() -> !r.log.isEmpty(), 10_000);
            assertEquals(List.of("text demo"), r.log);
        } finally {
            try {
                demo.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void waitFor(BooleanSupplier what) {
        long deadline = System.currentTimeMillis() + 5000;
        while (!what.getAsBoolean() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertTrue(what.getAsBoolean(), "server side: " + serverSaw);
    }
}
