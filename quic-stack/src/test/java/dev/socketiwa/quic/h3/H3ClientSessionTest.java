package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.qpack.QpackEncoder;
import dev.socketiwa.quic.h3.qpack.QpackWriter;
import dev.socketiwa.quic.packet.VarInt;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our HTTP/3 client session against our server session in memory, then against hand-written server bytes. */
class H3ClientSessionTest {
    /** Collects a response: status, body, trailers, abort code. */
    static final class Collector implements H3ResponseListener {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final byte[] buf = new byte[7000];
        int responses;
        boolean ended;
        long abort = -1;

        @Override
        public void onResponse(H3ClientRequest r) {
            responses++;
        }

        @Override
        public void onReadable(H3ClientRequest r) {
            int n;
            while ((n = r.read(buf, 0, buf.length)) > 0) body.write(buf, 0, n);
            if (n < 0 && r.isResponseEnded()) ended = true;
        }

        @Override
        public void onAbort(H3ClientRequest r, long code) {
            abort = code;
        }
    }

    private final MemoryLink link = new MemoryLink();
    private final H3ClientSession client = new H3ClientSession(link.client);

    private void serve(H3RequestHandler handler) {
        H3ServerSession server = new H3ServerSession(link.server, H3ServerSession.defaultSettings(), handler);
        link.server.attach(MemoryLink.of(server));
        link.client.attach(MemoryLink.of(client));
        link.pump();
    }

    /** Echoes the request body back, in writes as large as the stream takes. */
    private static void echo(H3Exchange x) {
        x.respond(200, List.of(new HeaderField("content-type", "application/octet-stream")));
        byte[] buf = new byte[5000];
        int[] pending = {0, 0};
        boolean[] ended = {false};
        x.setListener(new H3ExchangeListener() {
            @Override
            public void onReadable(H3Exchange e) {
                pump(e);
            }

            @Override
            public void onWritable(H3Exchange e) {
                pump(e);
            }

            private void pump(H3Exchange e) {
                while (true) {
                    while (pending[0] < pending[1]) {
                        int w = e.write(buf, pending[0], pending[1] - pending[0]);
                        if (w <= 0) return;
                        pending[0] += w;
                    }
                    if (ended[0]) return;
                    int n = e.read(buf, 0, buf.length);
                    if (n == 0) return;
                    if (n < 0) {
                        ended[0] = true;
                        e.finish();
                        return;
                    }
                    pending[0] = 0;
                    pending[1] = n;
                }
            }
        });
    }

    @Test
    void getWithResponseHeadersAndBody() {
        serve(x -> {
            assertEquals("/hello", x.path());
            assertEquals("x.test", x.header(":authority"));
            x.respond(200, List.of(new HeaderField("content-type", "text/plain"), new HeaderField("content-length", "5")));
            x.write("hello".getBytes(StandardCharsets.US_ASCII), 0, 5);
            x.finish();
        });
        Collector c = new Collector();
        H3ClientRequest r = client.request(H3ClientSession.requestHeaders("GET", "x.test", "/hello"), c);
        r.finish();
        link.pump();
        assertEquals(1, c.responses);
        assertEquals(200, r.status());
        assertEquals("text/plain", r.header("content-type"));
        assertEquals("hello", c.body.toString(StandardCharsets.US_ASCII));
        assertTrue(c.ended);
        assertEquals(-1, c.abort);
        assertEquals(0, client.activeRequests());
        assertEquals(1, client.peerSettings().get(Settings.ENABLE_CONNECT_PROTOCOL, 0));
    }

    @Test
    void streamedPostEchoThroughSmallWrites() {
        serve(H3ClientSessionTest::echo);
        link.client.writeLimit = 1000;
        link.server.writeLimit = 777;
        byte[] body = new byte[300_000];
        new Random(7).nextBytes(body);
        Collector c = new Collector();
        int[] off = {0};
        H3ClientRequest r = client.request(H3ClientSession.requestHeaders("POST", "x", "/echo"), new H3ResponseListener() {
            @Override
            public void onResponse(H3ClientRequest q) {
                c.onResponse(q);
            }

            @Override
            public void onReadable(H3ClientRequest q) {
                c.onReadable(q);
            }

            @Override
            public void onWritable(H3ClientRequest q) {
                while (off[0] < body.length) {
                    int w = q.write(body, off[0], body.length - off[0]);
                    if (w <= 0) return;
                    off[0] += w;
                }
                q.finish();
            }
        });
        assertNotNull(r);
        link.pump();
        assertEquals(body.length, off[0]);
        assertArrayEquals(body, c.body.toByteArray());
        assertTrue(c.ended);
        assertEquals(0, client.activeRequests());
    }

    @Test
    void manyRequestsShareTheQpackTables() {
        serve(x -> {
            x.respond(404, List.of(new HeaderField("content-type", "text/plain"), new HeaderField("server", "socket-iwa")));
            x.finish();
        });
        List<H3ClientRequest> rs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            H3ClientRequest r = client.request(H3ClientSession.requestHeaders("GET", "x", "/missing/" + i,
                    new HeaderField("user-agent", "socket-iwa-test")), new Collector());
            r.finish();
            rs.add(r);
            link.pump();
        }
        for (H3ClientRequest r : rs) assertEquals(404, r.status());
        assertTrue(client.peerQpackInsertCount() > 0, "the server's encoder used our dynamic table");
    }

    @Test
    void extendedConnectKeepsTheStreamOpenAsADuplex() {
        List<H3Exchange> tunnels = new ArrayList<>();
        serve(x -> {
            assertEquals("websocket", x.protocol());
            tunnels.add(x);
            echo(x);
        });
        assertTrue(client.extendedConnectAllowed());
        Collector c = new Collector();
        H3ClientRequest r = client.request(H3ClientSession.connectHeaders("websocket", "x", "/ws"), c);
        link.pump();
        assertEquals(200, r.status());
        assertFalse(c.ended);
        for (int i = 0; i < 3; i++) {
            byte[] m = ("ping " + i).getBytes(StandardCharsets.US_ASCII);
            assertEquals(m.length, r.write(m, 0, m.length));
            link.pump();
        }
        assertEquals("ping 0ping 1ping 2", c.body.toString(StandardCharsets.US_ASCII));
        assertFalse(c.ended, "the tunnel stays open until a side finishes it");
        assertEquals(1, client.activeRequests());
        r.finish();
        link.pump();
        assertTrue(c.ended);
        assertEquals(0, client.activeRequests());
    }

    @Test
    void extendedConnectNeedsTheServersSetting() {
        assertThrows(IllegalStateException.class,
                () -> client.request(H3ClientSession.connectHeaders("websocket", "x", "/ws"), null));
        assertThrows(IllegalArgumentException.class,
                () -> client.request(List.of(new HeaderField(":method", "GET")), null));
    }

    @Test
    void serverResetReachesTheListener() {
        serve(x -> x.abort(H3Error.REQUEST_REJECTED));
        Collector c = new Collector();
        client.request(H3ClientSession.requestHeaders("GET", "x", "/"), c).finish();
        link.pump();
        assertEquals(H3Error.REQUEST_REJECTED, c.abort);
        assertEquals(0, client.activeRequests());
    }

    @Test
    void serverGoawayRejectsLaterRequestsAndRefusesNewOnes() {
        List<H3Exchange> held = new ArrayList<>();
        H3ServerSession[] server = new H3ServerSession[1];
        server[0] = new H3ServerSession(link.server, H3ServerSession.defaultSettings(), held::add);
        link.server.attach(MemoryLink.of(server[0]));
        link.client.attach(MemoryLink.of(client));
        link.pump();
        Collector first = new Collector();
        client.request(H3ClientSession.requestHeaders("GET", "x", "/a"), first).finish();
        link.pump();
        server[0].goaway();
        link.pump();
        assertEquals(4, client.peerGoawayId());
        assertNull(client.request(H3ClientSession.requestHeaders("GET", "x", "/b"), new Collector()));
        held.get(0).respond(200, List.of());
        held.get(0).finish();
        link.pump();
        assertTrue(first.ended, "the request below the GOAWAY ID completes");
    }

    // ------------------------------------------------------------------------------------------------ raw server bytes

    private static byte[] frame(long type, byte[] payload) {
        byte[] b = new byte[16 + payload.length];
        int n = VarInt.write(b, 0, type);
        n = VarInt.write(b, n, payload.length);
        System.arraycopy(payload, 0, b, n, payload.length);
        return Arrays.copyOf(b, n + payload.length);
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    private static byte[] headers(String... nameValues) {
        List<HeaderField> f = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) f.add(new HeaderField(nameValues[i], nameValues[i + 1]));
        QpackWriter w = new QpackWriter(64);
        new QpackEncoder().encode(f, w);
        return frame(FrameType.HEADERS, w.toByteArray());
    }

    private static final byte[] SERVER_CONTROL = cat(new byte[] {0}, frame(FrameType.SETTINGS, new byte[] {8, 1}));

    /** The client session fed by raw bytes: server streams pushed by the test. */
    private final class Raw {
        final H3ClientSession session;
        final ClientQuicStreams streams;
        final FakeStreams fake = new FakeStreams();
        long nextBidi;

        Raw() {
            streams = new ClientQuicStreams() {
                public long openBidiStream() { long id = nextBidi; nextBidi += 4; return id; }
                public long openUniStream() { return fake.openUniStream() - 1; }
                public int read(long id, byte[] b, int off, int len) { return fake.read(id, b, off, len); }
                public int write(long id, byte[] b, int off, int len) { return fake.write(id, b, off, len); }
                public void finish(long id) { fake.finish(id); }
                public void resetStream(long id, long code) { fake.resetStream(id, code); }
                public void stopSending(long id, long code) { fake.stopSending(id, code); }
                public void closeConnection(long code, String reason) { fake.closeConnection(code, reason); }
            };
            session = new H3ClientSession(streams);
        }

        void server(long id, byte[] bytes, boolean fin) {
            boolean fresh = !fake.in.containsKey(id);
            fake.push(id, bytes, fin);
            if (fresh && (id & 1) == 1) session.onStreamOpened(id);
            session.onReadable(id);
        }
    }

    @Test
    void informationalResponsesAreSkippedAndTrailersSurfaced() {
        Raw raw = new Raw();
        raw.server(3, SERVER_CONTROL, false);
        Collector c = new Collector();
        H3ClientRequest r = raw.session.request(H3ClientSession.requestHeaders("GET", "x", "/"), c);
        r.finish();
        raw.server(0, headers(":status", "103", "link", "</s.css>; rel=preload"), false);
        assertEquals(0, c.responses, "1xx is not the response");
        raw.server(0, cat(headers(":status", "100"), headers(":status", "200", "content-type", "text/plain"),
                frame(FrameType.DATA, "body".getBytes(StandardCharsets.US_ASCII)), frame(0x21, new byte[2]),
                headers("x-checksum", "42")), true);
        assertEquals(1, c.responses);
        assertEquals(200, r.status());
        assertEquals("body", c.body.toString(StandardCharsets.US_ASCII));
        assertTrue(c.ended);
        assertEquals(List.of(new HeaderField("x-checksum", "42")), r.trailers());
        assertEquals(-1, raw.fake.closeCode);
    }

    @Test
    void malformedResponsesAreStreamErrors() {
        String[][] bad = {{"content-type", "text/plain"}, {":status", "2000"}, {":status", "200", ":path", "/"},
            {":status", "200", "Content-Type", "x"}, {":status", "200", "connection", "close"}};
        for (String[] h : bad) {
            Raw raw = new Raw();
            raw.server(3, SERVER_CONTROL, false);
            Collector c = new Collector();
            raw.session.request(H3ClientSession.requestHeaders("GET", "x", "/"), c).finish();
            raw.server(0, headers(h), true);
            assertEquals(H3Error.MESSAGE_ERROR, c.abort, Arrays.toString(h));
            assertEquals(H3Error.MESSAGE_ERROR, (long) raw.fake.resets.get(0L));
            assertEquals(-1, raw.fake.closeCode, "a malformed response costs only its stream");
        }
    }

    private long connectionError(long streamId, byte[] bytes) {
        Raw raw = new Raw();
        raw.server(3, SERVER_CONTROL, false);
        raw.session.request(H3ClientSession.requestHeaders("GET", "x", "/"), new Collector()).finish();
        raw.server(streamId, bytes, false);
        assertTrue(raw.session.isClosed());
        return raw.fake.closeCode;
    }

    @Test
    void serverProtocolViolationsCloseTheConnection() {
        assertEquals(H3Error.ID_ERROR, connectionError(7, new byte[] {1, 0}), "push stream without MAX_PUSH_ID");
        assertEquals(H3Error.STREAM_CREATION_ERROR, connectionError(1, headers(":status", "200")), "server bidi stream");
        assertEquals(H3Error.STREAM_CREATION_ERROR, connectionError(7, SERVER_CONTROL), "second control stream");
        assertEquals(H3Error.ID_ERROR, connectionError(3, frame(FrameType.GOAWAY, new byte[] {2})), "GOAWAY ID 2");
        assertEquals(H3Error.ID_ERROR, connectionError(3, cat(frame(FrameType.GOAWAY, new byte[] {0}),
                frame(FrameType.GOAWAY, new byte[] {4}))), "growing GOAWAY");
        assertEquals(H3Error.FRAME_UNEXPECTED, connectionError(3, frame(FrameType.MAX_PUSH_ID, new byte[] {0})));
        assertEquals(H3Error.FRAME_UNEXPECTED, connectionError(0, frame(FrameType.DATA, new byte[3])), "DATA first");
        assertEquals(H3Error.ID_ERROR, connectionError(0, frame(FrameType.PUSH_PROMISE, new byte[3])));
        assertEquals(H3Error.QPACK_DECOMPRESSION_FAILED, connectionError(0, frame(FrameType.HEADERS, new byte[] {0, 0, (byte) 0xff})));
        assertEquals(H3Error.MISSING_SETTINGS, new Object() {
            long run() {
                Raw raw = new Raw();
                raw.server(3, cat(new byte[] {0}, frame(FrameType.GOAWAY, new byte[] {0})), false);
                return raw.fake.closeCode;
            }
        }.run());
    }

    @Test
    void goawayFromRawServerRejectsHigherRequests() {
        Raw raw = new Raw();
        raw.server(3, SERVER_CONTROL, false);
        Collector[] cs = {new Collector(), new Collector(), new Collector()};
        for (Collector c : cs) raw.session.request(H3ClientSession.requestHeaders("GET", "x", "/"), c).finish();
        raw.server(3, frame(FrameType.GOAWAY, new byte[] {4}), false);
        assertEquals(-1, cs[0].abort);
        assertEquals(H3Error.REQUEST_REJECTED, cs[1].abort);
        assertEquals(H3Error.REQUEST_REJECTED, cs[2].abort);
        assertNull(raw.session.request(H3ClientSession.requestHeaders("GET", "x", "/"), null));
        raw.server(0, headers(":status", "204"), true);
        assertTrue(cs[0].ended);
    }
}
