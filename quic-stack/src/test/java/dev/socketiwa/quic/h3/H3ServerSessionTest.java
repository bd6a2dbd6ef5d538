package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.qpack.QpackDecoder;
import dev.socketiwa.quic.h3.qpack.QpackEncoder;
import dev.socketiwa.quic.h3.qpack.QpackException;
import dev.socketiwa.quic.h3.qpack.QpackWriter;
import dev.socketiwa.quic.packet.VarInt;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server session driven in memory: the request/response path, then the HTTP/3 and QPACK error cases h3spec
 * checks, each answered with its error code.
 */
class H3ServerSessionTest {
    private final FakeStreams io = new FakeStreams();
    private final List<H3Exchange> requests = new ArrayList<>();
    private final H3ServerSession session = new H3ServerSession(io, H3ServerSession.defaultSettings(), requests::add);

    private static byte[] frame(long type, byte[] payload) {
        byte[] b = new byte[16 + payload.length];
        int n = VarInt.write(b, 0, type);
        n = VarInt.write(b, n, payload.length);
        System.arraycopy(payload, 0, b, n, payload.length);
        return java.util.Arrays.copyOf(b, n + payload.length);
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static byte[] headers(String... nameValues) {
        List<HeaderField> f = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) f.add(new HeaderField(nameValues[i], nameValues[i + 1]));
        QpackWriter w = new QpackWriter(64);
        new QpackEncoder().encode(f, w);
        return frame(FrameType.HEADERS, w.toByteArray());
    }

    private static byte[] get(String path) {
        return headers(":method", "GET", ":scheme", "https", ":authority", "localhost", ":path", path);
    }

    private static final byte[] CLIENT_SETTINGS = cat(new byte[] {0}, frame(FrameType.SETTINGS, hex("0100 0700")));

    private void peerStream(long id, byte[] bytes, boolean fin) {
        io.push(id, bytes, fin);
        session.onStreamOpened(id);
        session.onReadable(id);
    }

    private void request(long id, byte[] bytes, boolean fin) {
        peerStream(id, bytes, fin);
    }

    @Test
    void opensControlAndQpackStreamsWithSettingsFirst() throws H3Exception {
        session.service();
        byte[] control = io.written(3);
        assertEquals(StreamType.CONTROL, control[0]);
        assertEquals(FrameType.SETTINGS, control[1]);
        Settings s = Settings.parse(control, 3, control[2]);
        assertEquals(1, s.get(Settings.ENABLE_CONNECT_PROTOCOL, 0));
        assertEquals(1, s.get(Settings.H3_DATAGRAM, 0));
        assertArrayEquals(new byte[] {(byte) StreamType.QPACK_ENCODER}, io.written(7));
        assertArrayEquals(new byte[] {(byte) StreamType.QPACK_DECODER}, io.written(11));
    }

    @Test
    void requestWithBodyAndResponseFramesAcrossPartialWrites() throws QpackException {
        peerStream(2, CLIENT_SETTINGS, false);
        byte[] body = "hello, h3".getBytes(StandardCharsets.US_ASCII);
        // an unknown (grease) frame type between HEADERS and DATA must be skipped
        request(0, cat(headers(":method", "POST", ":scheme", "https", ":authority", "x", ":path", "/echo",
                "content-length", "9"), frame(0x21, new byte[3]), frame(FrameType.DATA, body)), true);
        assertEquals(1, requests.size());
        H3Exchange x = requests.get(0);
        assertEquals("POST", x.method());
        assertEquals("/echo", x.path());
        byte[] buf = new byte[64];
        int n = x.read(buf, 0, buf.length);
        assertEquals(9, n);
        assertEquals(-1, x.read(buf, 0, buf.length));
        io.writeLimit = 3;
        x.respond(200, List.of(new HeaderField("content-type", "text/plain")));
        int off = 0;
        while (off < n) {
            session.service();
            int w = x.write(buf, off, n - off);
            assertTrue(w >= 0);
            off += w;
        }
        x.finish();
        for (int i = 0; i < 20 && !io.finished.containsKey(0L); i++) session.service();
        assertTrue(io.finished.containsKey(0L));
        // parse what went out: HEADERS (:status 200) then DATA frames carrying the body
        byte[] outBytes = io.written(0);
        int pos = 0;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<HeaderField> responseHeaders = null;
        while (pos < outBytes.length) {
            long type = outBytes[pos] & 0x3f;
            pos += 1;
            int len = outBytes[pos] & 0x3f;
            pos += 1;
            if (type == FrameType.HEADERS) {
                responseHeaders = new QpackDecoder(0, 0, Long.MAX_VALUE).decode(0, outBytes, pos, len);
            } else {
                assertEquals(FrameType.DATA, type);
                data.write(outBytes, pos, len);
            }
            pos += len;
        }
        assertNotNull(responseHeaders);
        assertEquals(new HeaderField(":status", "200"), responseHeaders.get(0));
        assertArrayEquals(body, data.toByteArray());
        assertEquals(-1, io.closeCode);
    }

    @Test
    void blockedHeadersWaitForTheEncoderStream() {
        peerStream(2, CLIENT_SETTINGS, false);
        session.service();
        // Required Insert Count 1 (encoded 2 with capacity 4096), base 1: :method GET, :scheme https (static),
        // :authority x (static name), then dynamic entry 0, which has not arrived yet
        request(0, frame(FrameType.HEADERS, hex("0200 d1 d7 5001 78 80")), false);
        assertEquals(0, requests.size());
        QpackWriter w = new QpackWriter(32);
        w.writeByte((int) StreamType.QPACK_ENCODER);
        w.writeInt(0x20, 5, 220);
        w.writeString(0x40, 5, ":path");
        w.writeString(0x00, 7, "/late");
        peerStream(6, w.toByteArray(), false);
        assertEquals(-1, io.closeCode, io.closeReason);
        assertEquals(1, requests.size());
        assertEquals("/late", requests.get(0).path());
        assertArrayEquals(hex("03 80"), io.written(11), "Section Acknowledgment for stream 0 on our decoder stream");
    }

    private long connectionError(byte[]... streams) {
        long id = 2;
        for (byte[] s : streams) {
            peerStream(id, s, false);
            id += 4;
        }
        return io.closeCode;
    }

    @Test
    void controlStreamErrors() {
        byte[] settings = CLIENT_SETTINGS;
        assertEquals(H3Error.MISSING_SETTINGS, new H3ServerSessionTest()
                .connectionError(cat(new byte[] {0}, frame(FrameType.GOAWAY, new byte[] {0}))));
        assertEquals(H3Error.FRAME_UNEXPECTED, new H3ServerSessionTest()
                .connectionError(cat(settings, frame(FrameType.SETTINGS, new byte[0]))));
        assertEquals(H3Error.FRAME_UNEXPECTED, new H3ServerSessionTest()
                .connectionError(cat(settings, frame(FrameType.DATA, new byte[1]))));
        assertEquals(H3Error.FRAME_UNEXPECTED, new H3ServerSessionTest()
                .connectionError(cat(settings, frame(FrameType.HEADERS, new byte[2]))));
        assertEquals(H3Error.FRAME_UNEXPECTED, new H3ServerSessionTest()
                .connectionError(cat(settings, frame(0x06, new byte[8])))); // HTTP/2 PING
        assertEquals(H3Error.SETTINGS_ERROR, new H3ServerSessionTest()
                .connectionError(cat(new byte[] {0}, frame(FrameType.SETTINGS, hex("0200")))));
        assertEquals(H3Error.SETTINGS_ERROR, new H3ServerSessionTest()
                .connectionError(cat(new byte[] {0}, frame(FrameType.SETTINGS, hex("0100 0100")))));
        assertEquals(H3Error.FRAME_ERROR, new H3ServerSessionTest()
                .connectionError(cat(new byte[] {0}, frame(FrameType.SETTINGS, hex("01")))));
        assertEquals(H3Error.STREAM_CREATION_ERROR, new H3ServerSessionTest().connectionError(settings, settings));
        assertEquals(H3Error.STREAM_CREATION_ERROR, new H3ServerSessionTest().connectionError(new byte[] {1, 0}));
        H3ServerSessionTest t = new H3ServerSessionTest();
        t.peerStream(2, CLIENT_SETTINGS, true);
        assertEquals(H3Error.CLOSED_CRITICAL_STREAM, t.io.closeCode);
    }

    @Test
    void requestStreamErrors() {
        H3ServerSessionTest t = new H3ServerSessionTest();
        t.request(0, frame(FrameType.DATA, new byte[4]), false);
        assertEquals(H3Error.FRAME_UNEXPECTED, t.io.closeCode, "DATA before HEADERS");
        t = new H3ServerSessionTest();
        t.request(0, cat(get("/"), frame(0x02, new byte[1])), false);
        t.requests.get(0).read(new byte[8], 0, 8);
        assertEquals(H3Error.FRAME_UNEXPECTED, t.io.closeCode, "HTTP/2 PRIORITY on a request stream");
        t = new H3ServerSessionTest();
        t.request(0, frame(FrameType.SETTINGS, new byte[0]), false);
        assertEquals(H3Error.FRAME_UNEXPECTED, t.io.closeCode, "SETTINGS on a request stream");
        t = new H3ServerSessionTest();
        t.request(0, frame(FrameType.HEADERS, hex("0000 ff")), false);
        assertEquals(H3Error.QPACK_DECOMPRESSION_FAILED, t.io.closeCode);
        t = new H3ServerSessionTest();
        t.request(0, cat(get("/"), new byte[] {0, 9, 1}), true);
        assertEquals(1, t.requests.get(0).read(new byte[8], 0, 8));
        assertEquals(-1, t.requests.get(0).read(new byte[8], 0, 8));
        assertEquals(H3Error.FRAME_ERROR, t.io.closeCode, "stream ends inside a DATA frame");
    }

    @Test
    void qpackStreamErrors() {
        assertEquals(H3Error.QPACK_ENCODER_STREAM_ERROR, new H3ServerSessionTest().connectionError(hex("02 3fe2 1f")));
        assertEquals(H3Error.QPACK_DECODER_STREAM_ERROR, new H3ServerSessionTest().connectionError(hex("03 01")));
        H3ServerSessionTest t = new H3ServerSessionTest();
        t.peerStream(2, hex("02"), true);
        assertEquals(H3Error.CLOSED_CRITICAL_STREAM, t.io.closeCode);
    }

    private long messageError(byte[] requestHeaders) {
        request(0, requestHeaders, true);
        assertEquals(-1, io.closeCode, "a malformed request is a stream error only");
        assertTrue(requests.isEmpty());
        return io.resets.getOrDefault(0L, -1L);
    }

    @Test
    void malformedRequestsAreStreamErrors() {
        long e = H3Error.MESSAGE_ERROR;
        assertEquals(e, new H3ServerSessionTest().messageError(headers(":scheme", "https", ":path", "/", ":authority", "x")));
        assertEquals(e, new H3ServerSessionTest().messageError(headers(":method", "GET", ":scheme", "https")));
        assertEquals(e, new H3ServerSessionTest().messageError(headers(":method", "GET", ":scheme", "https", ":path", "/",
                ":path", "/")));
        assertEquals(e, new H3ServerSessionTest().messageError(headers(":method", "GET", ":scheme", "https", ":path", "/",
                ":status", "200")));
        assertEquals(e, new H3ServerSessionTest().messageError(headers(":method", "GET", "accept", "*/*", ":scheme",
                "https", ":path", "/")));
        assertEquals(e, new H3ServerSessionTest().messageError(headers(":method", "GET", ":scheme", "https", ":path", "/",
                "Accept", "*/*")));
        assertEquals(e, new H3ServerSessionTest().messageError(headers(":method", "GET", ":scheme", "https", ":path", "/",
                "connection", "close")));
        assertEquals(e, new H3ServerSessionTest().messageError(headers(":method", "GET", ":scheme", "https", ":path", "/",
                ":protocol", "websocket")));
        assertEquals(e, new H3ServerSessionTest().messageError(headers(":method", "CONNECT", ":authority", "x",
                ":path", "/")));
    }

    @Test
    void extendedConnectReachesTheHandler() {
        request(0, headers(":method", "CONNECT", ":protocol", "webtransport", ":scheme", "https", ":authority", "x",
                ":path", "/wt"), false);
        assertEquals(1, requests.size());
        assertEquals("webtransport", requests.get(0).protocol());
    }

    @Test
    void unknownStreamTypesAndFramesAreIgnored() {
        peerStream(2, cat(CLIENT_SETTINGS, frame(0x21 + 0x1f, new byte[5])), false);
        peerStream(6, hex("4021 0102 03"), true); // stream type 0x21 (reserved): discarded
        assertEquals(H3Error.STREAM_CREATION_ERROR, io.stops.get(6L));
        request(0, cat(frame(0x40, new byte[2]), get("/")), true);
        assertEquals(1, requests.size());
        assertEquals(-1, io.closeCode);
    }

    @Test
    void goawayRefusesLaterRequests() {
        session.service();
        request(0, get("/"), true);
        session.goaway();
        byte[] control = io.written(3);
        byte[] goaway = frame(FrameType.GOAWAY, new byte[] {4});
        byte[] tail = java.util.Arrays.copyOfRange(control, control.length - goaway.length, control.length);
        assertArrayEquals(goaway, tail);
        request(4, get("/"), true);
        assertEquals(H3Error.REQUEST_REJECTED, io.resets.get(4L));
        assertEquals(1, requests.size());
    }

    @Test
    void peerResetCancelsTheExchange() {
        request(0, get("/"), false);
        H3Exchange x = requests.get(0);
        session.onStreamAborted(0, H3Error.REQUEST_CANCELLED);
        assertTrue(x.isAborted());
        assertEquals(-1, x.write(new byte[1], 0, 1));
        assertFalse(io.finished.containsKey(0L));
    }

    @Test
    void aFailingHandlerCostsOnlyItsRequest() {
        FakeStreams fake = new FakeStreams();
        H3ServerSession s = new H3ServerSession(fake, H3ServerSession.defaultSettings(), x -> {
            throw new IllegalStateException("application bug");
        });
        fake.push(0, get("/"), true);
        s.onStreamOpened(0);
        s.onReadable(0);
        assertEquals(H3Error.INTERNAL_ERROR, fake.resets.get(0L));
        assertEquals(-1, fake.closeCode);
    }

    @Test
    void bytesArrivingOneAtATimeGiveTheSameRequest() {
        byte[] control = cat(CLIENT_SETTINGS, frame(FrameType.MAX_PUSH_ID, new byte[] {8}));
        byte[] req = cat(headers(":method", "PUT", ":scheme", "https", ":authority", "x", ":path", "/up"),
                frame(FrameType.DATA, new byte[] {1, 2, 3}), frame(FrameType.DATA, new byte[0]),
                frame(FrameType.DATA, new byte[] {4}), headers("x-trailer", "yes"));
        session.onStreamOpened(2);
        session.onStreamOpened(0);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buf = new byte[2];
        boolean ended = false;
        for (int i = 0; i < Math.max(control.length, req.length); i++) {
            if (i < control.length) {
                io.push(2, new byte[] {control[i]}, false);
                session.onReadable(2);
            }
            if (i < req.length) {
                io.push(0, new byte[] {req[i]}, i == req.length - 1);
                session.onReadable(0);
            }
            if (!requests.isEmpty() && !ended) {
                int n;
                while ((n = requests.get(0).read(buf, 0, buf.length)) > 0) body.write(buf, 0, n);
                ended = n < 0;
            }
        }
        assertEquals(-1, io.closeCode, io.closeReason);
        assertNotNull(session.peerSettings());
        assertEquals(1, requests.size());
        assertTrue(ended);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, body.toByteArray());
    }

    @Test
    void settingsRoundTripAndErrorNames() throws H3Exception {
        Settings s = H3ServerSession.defaultSettings().set(Settings.ENABLE_WEBTRANSPORT_DRAFT02, 1)
                .set(Settings.WT_MAX_SESSIONS, 4);
        byte[] b = new byte[64];
        int n = s.writeFrame(b, 0);
        assertEquals(FrameType.SETTINGS, b[0]);
        int header = 1 + VarInt.length(s.payloadLength());
        assertEquals(n, header + s.payloadLength());
        assertEquals(s.values(), Settings.parse(b, header, n - header).values());
        assertEquals("H3_MESSAGE_ERROR", H3Error.name(H3Error.MESSAGE_ERROR));
        assertEquals("QPACK_DECODER_STREAM_ERROR", H3Error.name(H3Error.QPACK_DECODER_STREAM_ERROR));
        assertTrue(H3Error.isGrease(0x21 + 0x1f * 7));
    }

    @Test
    void framesAfterTrailersAndGrowingGoawayAreConnectionErrors() {
        H3ServerSessionTest t = new H3ServerSessionTest();
        t.request(0, cat(get("/"), headers("x-trailer", "1"), frame(FrameType.DATA, new byte[1])), true);
        t.requests.get(0).read(new byte[8], 0, 8);
        assertEquals(H3Error.FRAME_UNEXPECTED, t.io.closeCode, "DATA after trailers");
        t = new H3ServerSessionTest();
        t.peerStream(2, cat(CLIENT_SETTINGS, frame(FrameType.GOAWAY, new byte[] {4}), frame(FrameType.GOAWAY,
                new byte[] {8})), false);
        assertEquals(H3Error.ID_ERROR, t.io.closeCode, "a later GOAWAY may not raise the ID");
        t = new H3ServerSessionTest();
        t.peerStream(2, cat(CLIENT_SETTINGS, frame(FrameType.GOAWAY, new byte[] {4, 0})), false);
        assertEquals(H3Error.FRAME_ERROR, t.io.closeCode, "GOAWAY with extra bytes");
    }

    @Test
    void pseudoHeaderInTrailersIsAStreamError() {
        request(0, cat(get("/"), headers(":path", "/again")), true);
        assertEquals(-1, requests.get(0).read(new byte[8], 0, 8));
        assertEquals(H3Error.MESSAGE_ERROR, io.resets.get(0L));
        assertEquals(-1, io.closeCode);
    }
}
