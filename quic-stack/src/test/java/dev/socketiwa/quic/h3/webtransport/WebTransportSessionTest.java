package dev.socketiwa.quic.h3.webtransport;

import dev.socketiwa.quic.h3.FakeStreams;
import dev.socketiwa.quic.h3.FrameType;
import dev.socketiwa.quic.h3.H3Error;
import dev.socketiwa.quic.h3.H3Exception;
import dev.socketiwa.quic.h3.H3Exchange;
import dev.socketiwa.quic.h3.H3ServerSession;
import dev.socketiwa.quic.h3.Settings;
import dev.socketiwa.quic.h3.StreamType;
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
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WebTransport over the real HTTP/3 server session on in-memory streams: the client side is written byte by byte as
 * the draft lays it out (CONNECT, 0x41/0x54 stream headers, quarter stream IDs, capsules in DATA frames), so every
 * assertion checks the wire format too.
 */
class WebTransportSessionTest {
    private final FakeStreams io = new FakeStreams();
    private final List<String> events = new ArrayList<>();
    private final List<WebTransportSession> sessions = new ArrayList<>();
    private RuntimeException throwOnSession;
    private final WebTransportHandler echo = new WebTransportHandler() {
        @Override
        public void onSession(WebTransportSession s) {
            sessions.add(s);
            events.add("session " + s.id() + " " + s.path());
            if (throwOnSession != null) throw throwOnSession;
        }

        @Override
        public void onDatagram(WebTransportSession s, byte[] b, int off, int len) {
            events.add("datagram " + new String(b, off, len, StandardCharsets.UTF_8));
            s.sendDatagram(b, off, len);
        }

        @Override
        public void onStream(WebTransportSession s, WebTransportStream stream) {
            events.add((stream.isBidirectional() ? "bidi " : "uni ") + stream.id());
            stream.setListener(new EchoStream());
        }

        @Override
        public void onDrain(WebTransportSession s) {
            events.add("drain");
        }

        @Override
        public void onClose(WebTransportSession s, long code, String reason) {
            events.add("close " + code + " " + reason);
        }
    };

    /** Bidirectional streams come back on themselves; unidirectional ones on a new unidirectional stream. */
    private final class EchoStream implements WebTransportStreamListener {
        private final ByteArrayOutputStream got = new ByteArrayOutputStream();

        @Override
        public void onReadable(WebTransportStream s) {
            byte[] buf = new byte[7];
            int n;
            while ((n = s.read(buf, 0, buf.length)) > 0) {
                if (s.isBidirectional()) s.write(buf, 0, n);
                else got.write(buf, 0, n);
            }
            if (n < 0 && s.isBidirectional()) s.finish();
            if (n < 0 && !s.isBidirectional()) {
                WebTransportStream answer = s.session().openUniStream();
                byte[] all = got.toByteArray();
                answer.write(all, 0, all.length);
                answer.finish();
            }
        }

        @Override
        public void onReset(WebTransportStream s, long code) {
            events.add("reset " + s.id() + " " + code);
        }

        @Override
        public void onStopSending(WebTransportStream s, long code) {
            events.add("stop " + s.id() + " " + code);
        }
    }

    private H3ServerSession session = new H3ServerSession(io, H3ServerSession.defaultSettings(), this::route);

    private void route(H3Exchange x) {
        if ("webtransport".equals(x.protocol()) && "/wt".equals(x.path())) {
            x.session().webTransport().accept(x, echo);
        } else {
            x.respond(404, List.of());
            x.finish();
        }
    }

    // ------------------------------------------------------------------------------------------------ wire helpers

    private static byte[] varint(long v) {
        byte[] b = new byte[8];
        return Arrays.copyOf(b, VarInt.write(b, 0, v));
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    private static byte[] frame(long type, byte[] payload) {
        return cat(varint(type), varint(payload.length), payload);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] capsule(long type, byte[] payload) {
        return cat(varint(type), varint(payload.length), payload);
    }

    private static byte[] closeCapsule(long code, String reason) {
        return capsule(Capsules.CLOSE_WEBTRANSPORT_SESSION,
                cat(new byte[] {(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code}, utf8(reason)));
    }

    private static byte[] headers(String... nameValues) {
        List<HeaderField> f = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) f.add(new HeaderField(nameValues[i], nameValues[i + 1]));
        QpackWriter w = new QpackWriter(64);
        new QpackEncoder().encode(f, w);
        return frame(FrameType.HEADERS, w.toByteArray());
    }

    private static byte[] connectRequest(String path) {
        return headers(":method", "CONNECT", ":protocol", "webtransport", ":scheme", "https", ":authority", "localhost",
                ":path", path, "origin", "http://localhost", "sec-webtransport-http3-draft02", "1");
    }

    private void peer(long id, byte[] bytes, boolean fin) {
        io.push(id, bytes, fin);
        session.onStreamOpened(id);
        session.onReadable(id);
    }

    private void more(long id, byte[] bytes, boolean fin) {
        io.push(id, bytes, fin);
        session.onReadable(id);
    }

    private void clientSettings() {
        peer(2, cat(varint(StreamType.CONTROL), frame(FrameType.SETTINGS, cat(varint(Settings.H3_DATAGRAM), varint(1),
                varint(Settings.ENABLE_WEBTRANSPORT_DRAFT02), varint(1)))), false);
    }

    /** Opens session `id` at /wt and checks the 200. */
    private WebTransportSession open(long id) throws QpackException {
        clientSettings();
        peer(id, connectRequest("/wt"), false);
        List<long[]> f = frames(io.written(id));
        assertEquals(FrameType.HEADERS, f.get(0)[0]);
        List<HeaderField> h = responseHeaders(id);
        assertEquals(":status", h.get(0).name);
        assertEquals("200", h.get(0).value);
        assertTrue(h.contains(new HeaderField("sec-webtransport-http3-draft", "draft02")), h.toString());
        return sessions.get(sessions.size() - 1);
    }

    private List<HeaderField> responseHeaders(long id) throws QpackException {
        byte[] out = io.written(id);
        long[] first = frames(out).get(0);
        return new QpackDecoder(0, 0, Long.MAX_VALUE).decode(id, out, (int) first[1], (int) first[2]);
    }

    /** Frames as {type, payload offset, payload length}. */
    private static List<long[]> frames(byte[] b) {
        List<long[]> list = new ArrayList<>();
        int p = 0;
        while (p < b.length) {
            long type = read(b, p);
            p += 1 << ((b[p] & 0xff) >>> 6);
            long len = read(b, p);
            p += 1 << ((b[p] & 0xff) >>> 6);
            list.add(new long[] {type, p, len});
            p += (int) len;
        }
        return list;
    }

    /** The DATA payloads of a response: the capsule stream. */
    private byte[] capsuleBytes(long id) {
        byte[] out = io.written(id);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (long[] f : frames(out)) {
            if (f[0] == FrameType.DATA) o.write(out, (int) f[1], (int) f[2]);
        }
        return o.toByteArray();
    }

    private static long read(byte[] b, int p) {
        int n = 1 << ((b[p] & 0xff) >>> 6);
        long v = b[p] & 0x3f;
        for (int i = 1; i < n; i++) v = (v << 8) | (b[p + i] & 0xff);
        return v;
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void advertisesWebTransportForChromiumAndSafari() throws H3Exception {
        session.service();
        byte[] control = io.written(3);
        assertEquals(StreamType.CONTROL, control[0]);
        List<long[]> f = frames(Arrays.copyOfRange(control, 1, control.length));
        assertEquals(FrameType.SETTINGS, f.get(0)[0]);
        Settings s = Settings.parse(control, 1 + (int) f.get(0)[1], (int) f.get(0)[2]);
        assertEquals(1, s.get(Settings.ENABLE_CONNECT_PROTOCOL, 0));
        assertEquals(1, s.get(Settings.H3_DATAGRAM, 0));
        assertEquals(1, s.get(Settings.ENABLE_WEBTRANSPORT_DRAFT02, 0));
        assertEquals(H3ServerSession.DEFAULT_WEBTRANSPORT_SESSIONS, s.get(Settings.WEBTRANSPORT_MAX_SESSIONS_DRAFT07, 0));
        assertEquals(H3ServerSession.DEFAULT_WEBTRANSPORT_SESSIONS, s.get(Settings.WT_MAX_SESSIONS, 0));
    }

    @Test
    void withoutTheSettingsThereIsNoWebTransport() {
        H3ServerSession plain = new H3ServerSession(io, new Settings().set(Settings.ENABLE_CONNECT_PROTOCOL, 1), x -> {
        });
        assertNull(plain.webTransport());
    }

    @Test
    void sessionEchoesDatagramsBothWays() throws QpackException {
        WebTransportSession s = open(0);
        assertEquals(List.of("session 0 /wt"), events);
        session.onDatagram(cat(varint(0), utf8("ping")), 0, 5);
        assertEquals("datagram ping", events.get(1));
        assertEquals(1, io.datagrams.size());
        assertArrayEquals(cat(varint(0), utf8("ping")), io.datagrams.get(0));
        // a datagram for a stream that is no session is dropped
        session.onDatagram(cat(varint(1), utf8("lost")), 0, 5);
        assertEquals(2, events.size());
        assertEquals(io.maxDatagramPayload - 1, s.maxDatagramPayload());
        assertFalse(s.sendDatagram(new byte[io.maxDatagramPayload], 0, io.maxDatagramPayload), "too large");
        assertEquals(-1, io.closeCode);
    }

    @Test
    void datagramOnALaterSessionCarriesItsQuarterStreamId() throws QpackException {
        open(0);
        peer(256, connectRequest("/wt"), false);
        WebTransportSession s = sessions.get(1);
        assertEquals(256, s.id());
        assertTrue(s.sendDatagram(utf8("x"), 0, 1));
        assertArrayEquals(cat(varint(64), utf8("x")), io.datagrams.get(0));
        session.onDatagram(cat(varint(64), utf8("y")), 0, 3);
        assertEquals("datagram y", events.get(events.size() - 1));
    }

    @Test
    void malformedDatagramsAreH3DatagramErrors() throws QpackException {
        open(0);
        session.onDatagram(new byte[] {0x40}, 0, 1); // a two-byte varint cut short
        assertEquals(WebTransportErrors.H3_DATAGRAM_ERROR, io.closeCode);
    }

    @Test
    void quarterStreamIdBeyondTwoToTheSixtyIsAnError() throws QpackException {
        open(0);
        byte[] d = cat(varint(1L << 60), utf8("z"));
        session.onDatagram(d, 0, d.length);
        assertEquals(WebTransportErrors.H3_DATAGRAM_ERROR, io.closeCode);
    }

    @Test
    void datagramsWhenWeDidNotEnableThemAreAnError() {
        H3ServerSession plain = new H3ServerSession(io, new Settings(), x -> {
        });
        plain.onDatagram(cat(varint(0), utf8("a")), 0, 2);
        assertEquals(WebTransportErrors.H3_DATAGRAM_ERROR, io.closeCode);
    }

    @Test
    void peerBidiStreamIsEchoedOnItself() throws QpackException {
        open(0);
        peer(4, cat(varint(0x41), varint(0), utf8("hello, bidi")), false);
        assertEquals("bidi 4", events.get(1));
        assertArrayEquals(utf8("hello, bidi"), io.written(4));
        assertFalse(io.finished.containsKey(4L));
        more(4, utf8("!"), true);
        assertArrayEquals(utf8("hello, bidi!"), io.written(4));
        assertTrue(io.finished.containsKey(4L));
        assertEquals(0, sessions.get(0).streamCount(), "a stream done both ways is forgotten");
    }

    @Test
    void streamHeaderArrivingByteByByte() throws QpackException {
        open(0);
        byte[] all = cat(varint(0x41), varint(0), utf8("ab"));
        peer(4, new byte[] {all[0]}, false);
        for (int i = 1; i < all.length; i++) more(4, new byte[] {all[i]}, i == all.length - 1);
        assertArrayEquals(utf8("ab"), io.written(4));
        assertTrue(io.finished.containsKey(4L));
    }

    @Test
    void peerUniStreamIsAnsweredOnANewUniStream() throws QpackException {
        open(0);
        peer(6, cat(varint(0x54), varint(0), utf8("one way")), true);
        assertEquals("uni 6", events.get(1));
        long answer = -1;
        for (long id = 3; id < 40; id += 4) {
            byte[] w = io.written(id);
            if (w.length > 1 && w[0] == 0x40 && w[1] == 0x54) answer = id; // 0x54 takes a two-byte varint
        }
        assertTrue(answer > 0, "no WebTransport uni stream opened: " + events);
        assertArrayEquals(cat(varint(0x54), varint(0), utf8("one way")), io.written(answer));
        assertTrue(io.finished.containsKey(answer));
    }

    @Test
    void serverOpensABidiStreamAndTheClientAnswers() throws QpackException {
        WebTransportSession s = open(0);
        WebTransportStream out = s.openBidiStream();
        assertNotNull(out);
        assertEquals(1, out.id());
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        out.setListener(new WebTransportStreamListener() {
            @Override
            public void onReadable(WebTransportStream st) {
                byte[] b = new byte[16];
                int n;
                while ((n = st.read(b, 0, b.length)) > 0) got.write(b, 0, n);
            }
        });
        assertEquals(4, out.write(utf8("hi c"), 0, 4));
        out.finish();
        assertArrayEquals(cat(varint(0x41), varint(0), utf8("hi c")), io.written(1));
        assertTrue(io.finished.containsKey(1L));
        more(1, utf8("hi s"), true);
        assertArrayEquals(utf8("hi s"), got.toByteArray());
    }

    @Test
    void writesTakeWhatFitsAndOnWritableFollows() throws QpackException {
        WebTransportSession s = open(0);
        io.writeLimit = 3;
        WebTransportStream out = s.openUniStream();
        byte[] data = utf8("0123456789");
        int[] sent = {0};
        out.setListener(new WebTransportStreamListener() {
            @Override
            public void onWritable(WebTransportStream st) {
                while (sent[0] < data.length) {
                    int n = st.write(data, sent[0], data.length - sent[0]);
                    if (n <= 0) return;
                    sent[0] += n;
                }
                st.finish();
            }
        });
        sent[0] += out.write(data, 0, data.length);
        for (int i = 0; i < 20 && !io.finished.containsKey(out.id()); i++) session.service();
        assertArrayEquals(cat(varint(0x54), varint(0), data), io.written(out.id()));
        assertTrue(io.finished.containsKey(out.id()));
    }

    @Test
    void peerClosesWithCodeAndReason() throws QpackException {
        open(0);
        peer(4, cat(varint(0x41), varint(0), utf8("open")), false);
        more(0, frame(FrameType.DATA, closeCapsule(7, "bye")), false);
        assertEquals("close 7 bye", events.get(events.size() - 1));
        assertTrue(io.finished.containsKey(0L), "we finish the CONNECT stream");
        assertEquals(WebTransportErrors.SESSION_GONE, io.resets.get(4L));
        assertEquals(WebTransportErrors.SESSION_GONE, io.stops.get(4L));
        assertEquals(-1, io.closeCode);
        // a stream for the gone session is refused
        peer(8, cat(varint(0x41), varint(0), utf8("late")), false);
        assertEquals(WebTransportErrors.BUFFERED_STREAM_REJECTED, io.resets.get(8L));
        assertEquals(WebTransportErrors.BUFFERED_STREAM_REJECTED, io.stops.get(8L));
    }

    @Test
    void closeCapsuleSplitAcrossDataFramesAndReads() throws QpackException {
        open(0);
        byte[] c = closeCapsule(0xfffffffeL, "über");
        for (int i = 0; i < c.length; i++) more(0, frame(FrameType.DATA, new byte[] {c[i]}), false);
        assertEquals("close 4294967294 über", events.get(events.size() - 1));
    }

    @Test
    void serverClosesWithCodeAndReason() throws QpackException {
        WebTransportSession s = open(0);
        peer(4, cat(varint(0x41), varint(0), utf8("x")), false);
        s.close(9, "done");
        assertArrayEquals(closeCapsule(9, "done"), capsuleBytes(0));
        assertTrue(io.finished.containsKey(0L));
        assertNull(io.stops.get(0L), "no STOP_SENDING on the CONNECT stream: the peer finishes its side itself");
        assertEquals("close 9 done", events.get(events.size() - 1));
        assertEquals(WebTransportErrors.SESSION_GONE, io.resets.get(4L));
        assertTrue(s.isClosed());
        assertFalse(s.sendDatagram(utf8("x"), 0, 1));
        assertNull(s.openBidiStream());
    }

    @Test
    void finWithoutCapsuleClosesWithCodeZero() throws QpackException {
        open(0);
        more(0, new byte[0], true);
        assertEquals("close 0 ", events.get(events.size() - 1));
        assertTrue(io.finished.containsKey(0L));
    }

    @Test
    void resetOfTheConnectStreamEndsTheSession() throws QpackException {
        open(0);
        peer(6, cat(varint(0x54), varint(0)), false);
        session.onStreamAborted(0, H3Error.REQUEST_CANCELLED);
        assertEquals("close 0 ", events.get(events.size() - 1));
        assertEquals(WebTransportErrors.SESSION_GONE, io.stops.get(6L));
        assertEquals(-1, io.closeCode);
    }

    @Test
    void drainBothWays() throws QpackException {
        WebTransportSession s = open(0);
        more(0, frame(FrameType.DATA, capsule(Capsules.DRAIN_WEBTRANSPORT_SESSION, new byte[0])), false);
        assertEquals("drain", events.get(events.size() - 1));
        assertTrue(s.isDraining());
        session.goaway();
        assertArrayEquals(capsule(Capsules.DRAIN_WEBTRANSPORT_SESSION, new byte[0]), capsuleBytes(0));
        assertFalse(s.isClosed());
    }

    @Test
    void afterGoawaySessionsKeepTheirStreamsButNewRequestsAreRefused() throws QpackException {
        open(0);
        session.goaway();
        peer(8, cat(varint(0x41), varint(0), utf8("still here")), true);
        assertArrayEquals(utf8("still here"), io.written(8));
        peer(12, headers(":method", "GET", ":scheme", "https", ":authority", "localhost", ":path", "/"), true);
        assertEquals(H3Error.REQUEST_REJECTED, io.resets.get(12L));
        assertEquals(-1, io.closeCode);
    }

    @Test
    void unknownAndGreaseCapsulesAndFramesAreSkipped() throws QpackException {
        open(0);
        byte[] grease = capsule(0x29L * 3 + 0x17, utf8("ignore me"));
        byte[] unknownFrame = frame(0x21 + 0x1f * 2, utf8("grease frame"));
        more(0, cat(frame(FrameType.DATA, grease), unknownFrame, frame(FrameType.DATA, closeCapsule(3, "ok"))), false);
        assertEquals("close 3 ok", events.get(events.size() - 1));
    }

    @Test
    void datagramCapsuleIsDeliveredLikeADatagram() throws QpackException {
        open(0);
        more(0, frame(FrameType.DATA, capsule(Capsules.DATAGRAM, utf8("via capsule"))), false);
        assertEquals("datagram via capsule", events.get(events.size() - 1));
    }

    @Test
    void shortCloseCapsuleIsAMessageError() throws QpackException {
        open(0);
        peer(4, cat(varint(0x41), varint(0)), false);
        more(0, frame(FrameType.DATA, capsule(Capsules.CLOSE_WEBTRANSPORT_SESSION, new byte[] {0, 0})), false);
        assertEquals(H3Error.MESSAGE_ERROR, io.resets.get(0L));
        assertEquals("close 0 ", events.get(events.size() - 1));
        assertEquals(WebTransportErrors.SESSION_GONE, io.resets.get(4L));
        assertEquals(-1, io.closeCode, "a stream error, not a connection error");
    }

    @Test
    void overlongCloseReasonIsAMessageError() throws QpackException {
        open(0);
        more(0, frame(FrameType.DATA, closeCapsule(1, "r".repeat(1025))), false);
        assertEquals(H3Error.MESSAGE_ERROR, io.resets.get(0L));
    }

    @Test
    void streamEndingInsideACapsuleIsAMessageError() throws QpackException {
        open(0);
        byte[] c = closeCapsule(1, "cut");
        more(0, frame(FrameType.DATA, Arrays.copyOf(c, c.length - 1)), true);
        assertEquals(H3Error.MESSAGE_ERROR, io.resets.get(0L));
        assertEquals("close 0 ", events.get(events.size() - 1));
    }

    @Test
    void capsuleAfterCloseIsAMessageError() throws QpackException {
        open(0);
        more(0, frame(FrameType.DATA, cat(closeCapsule(5, "a"), capsule(Capsules.DRAIN_WEBTRANSPORT_SESSION,
                new byte[0]))), false);
        assertEquals("close 5 a", events.get(events.size() - 1));
        assertEquals(H3Error.MESSAGE_ERROR, io.resets.get(0L));
    }

    @Test
    void streamResetsCarryMappedApplicationCodes() throws QpackException {
        open(0);
        peer(4, cat(varint(0x41), varint(0)), false);
        session.onStreamAborted(4, WebTransportErrors.toHttp3(42));
        assertEquals("reset 4 42", events.get(events.size() - 1));
        session.onStopSending(4, WebTransportErrors.toHttp3(0xffffffffL));
        assertEquals("stop 4 4294967295", events.get(events.size() - 1));
        assertEquals(WebTransportErrors.toHttp3(0xffffffffL), io.resets.get(4L), "our side reset with the same code");

        WebTransportStream mine = sessions.get(0).openBidiStream();
        mine.reset(5);
        mine.stopSending(6);
        assertEquals(WebTransportErrors.toHttp3(5), io.resets.get(mine.id()));
        assertEquals(WebTransportErrors.toHttp3(6), io.stops.get(mine.id()));
        assertEquals(-1, mine.write(utf8("x"), 0, 1));
        assertEquals(-1, mine.read(new byte[1], 0, 1));
    }

    @Test
    void resetOutsideTheApplicationRangeReportsMinusOne() throws QpackException {
        open(0);
        peer(4, cat(varint(0x41), varint(0)), false);
        session.onStreamAborted(4, H3Error.REQUEST_CANCELLED);
        assertEquals("reset 4 -1", events.get(events.size() - 1));
    }

    @Test
    void streamsForASessionNotYetEstablishedAreHeldThenAdopted() throws QpackException {
        clientSettings();
        peer(4, cat(varint(0x41), varint(8), utf8("early")), true);
        peer(10, cat(varint(0x54), varint(8), utf8("early uni")), true);
        assertTrue(events.isEmpty());
        assertEquals(0, io.written(4).length);
        peer(8, connectRequest("/wt"), false);
        assertEquals(List.of("session 8 /wt", "bidi 4", "uni 10"), events.subList(0, 3));
        assertArrayEquals(utf8("early"), io.written(4));
    }

    @Test
    void heldStreamsAreRefusedWhenTheirRequestIsNoSession() throws QpackException {
        clientSettings();
        peer(4, cat(varint(0x41), varint(8), utf8("early")), false);
        peer(8, headers(":method", "GET", ":scheme", "https", ":authority", "localhost", ":path", "/"), true);
        assertEquals("404", responseHeaders(8).get(0).value);
        assertEquals(WebTransportErrors.BUFFERED_STREAM_REJECTED, io.resets.get(4L));
    }

    @Test
    void tooManyHeldStreamsAreRefused() {
        clientSettings();
        for (int i = 0; i < WebTransportSessions.MAX_BUFFERED_STREAMS + 1; i++) {
            peer(4 + 4L * i, cat(varint(0x41), varint(400)), false);
        }
        long last = 4 + 4L * WebTransportSessions.MAX_BUFFERED_STREAMS;
        assertEquals(WebTransportErrors.BUFFERED_STREAM_REJECTED, io.resets.get(last));
        assertNull(io.resets.get(4L));
    }

    @Test
    void sessionIdThatIsNoClientBidiStreamIsAnIdError() {
        clientSettings();
        peer(4, cat(varint(0x41), varint(2)), false);
        assertEquals(H3Error.ID_ERROR, io.closeCode);
    }

    @Test
    void signalLaterOnARequestStreamIsUnexpected() {
        clientSettings();
        // a reserved frame first: the signal is only a stream header as the very first bytes
        peer(0, cat(frame(0x21, new byte[0]), varint(0x41), varint(0)), false);
        assertEquals(H3Error.FRAME_UNEXPECTED, io.closeCode);
    }

    @Test
    void throwingHandlerCostsOnlyItsSession() throws QpackException {
        throwOnSession = new IllegalStateException("app bug");
        clientSettings();
        peer(0, connectRequest("/wt"), false);
        assertEquals(H3Error.INTERNAL_ERROR, io.resets.get(0L));
        assertEquals(-1, io.closeCode);
        assertEquals(0, session.webTransport().activeSessions());
    }

    @Test
    void sessionsBeyondTheAdvertisedLimitGet429() throws QpackException {
        session = new H3ServerSession(io, H3ServerSession.defaultSettings().set(Settings.WT_MAX_SESSIONS, 1)
                .set(Settings.WEBTRANSPORT_MAX_SESSIONS_DRAFT07, 1), this::route);
        open(0);
        peer(4, connectRequest("/wt"), false);
        assertEquals("429", responseHeaders(4).get(0).value);
        assertEquals(1, session.webTransport().activeSessions());
    }

    @Test
    void connectionCloseEndsEverySession() throws QpackException {
        open(0);
        session.onConnectionClosed();
        assertEquals("close 0 ", events.get(events.size() - 1));
    }
}
