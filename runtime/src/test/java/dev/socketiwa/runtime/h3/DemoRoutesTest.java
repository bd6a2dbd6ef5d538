package dev.socketiwa.runtime.h3;

import dev.socketiwa.quic.h3.FrameType;
import dev.socketiwa.quic.h3.H3ServerSession;
import dev.socketiwa.quic.h3.QuicStreams;
import dev.socketiwa.quic.h3.Settings;
import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.qpack.QpackDecoder;
import dev.socketiwa.quic.h3.qpack.QpackEncoder;
import dev.socketiwa.quic.h3.qpack.QpackException;
import dev.socketiwa.quic.h3.qpack.QpackWriter;
import dev.socketiwa.quic.packet.VarInt;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo routes through a real server session over in-memory streams whose send side takes few bytes at a time. */
class DemoRoutesTest {
    /** Streams: one request in, the response out; writes take at most 1000 bytes per call to exercise backpressure. */
    private static final class Streams implements QuicStreams {
        final Map<Long, byte[]> in = new HashMap<>();
        final Map<Long, Integer> pos = new HashMap<>();
        final Map<Long, ByteArrayOutputStream> out = new HashMap<>();
        final Map<Long, Boolean> fin = new HashMap<>();
        long nextUni = 3;
        long closed = -1;

        @Override
        public long openUniStream() {
            long id = nextUni;
            nextUni += 4;
            return id;
        }

        @Override
        public int read(long id, byte[] b, int off, int len) {
            byte[] data = in.get(id);
            if (data == null) return 0;
            int p = pos.getOrDefault(id, 0);
            if (p == data.length) return -1;
            int n = Math.min(len, data.length - p);
            System.arraycopy(data, p, b, off, n);
            pos.put(id, p + n);
            return n;
        }

        @Override
        public int write(long id, byte[] b, int off, int len) {
            int n = Math.min(len, 1000);
            out.computeIfAbsent(id, k -> new ByteArrayOutputStream()).write(b, off, n);
            return n;
        }

        @Override
        public void finish(long id) {
            fin.put(id, true);
        }

        @Override
        public void resetStream(long id, long code) {
        }

        @Override
        public void stopSending(long id, long code) {
        }

        @Override
        public void closeConnection(long code, String reason) {
            closed = code;
        }
    }

    private record Response(List<HeaderField> headers, byte[] body) {
        String status() {
            return headers.get(0).value;
        }
    }

    private static byte[] frame(long type, byte[] payload) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        byte[] h = new byte[16];
        int n = VarInt.write(h, 0, type);
        n = VarInt.write(h, n, payload.length);
        o.write(h, 0, n);
        o.writeBytes(payload);
        return o.toByteArray();
    }

    private static Response exchange(String method, String path, byte[] body) throws QpackException {
        Streams io = new Streams();
        H3ServerSession session = new H3ServerSession(io, new Settings(), new DemoRoutes());
        List<HeaderField> fields = new ArrayList<>(List.of(new HeaderField(":method", method),
                new HeaderField(":authority", "localhost")));
        if (path != null) {
            fields.add(new HeaderField(":scheme", "https"));
            fields.add(new HeaderField(":path", path));
        }
        QpackWriter w = new QpackWriter(64);
        new QpackEncoder().encode(fields, w);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(frame(FrameType.HEADERS, w.toByteArray()));
        if (body != null) request.writeBytes(frame(FrameType.DATA, body));
        io.in.put(0L, request.toByteArray());
        session.onStreamOpened(0);
        session.onReadable(0);
        for (int i = 0; i < 100_000 && !io.fin.containsKey(0L); i++) {
            session.onReadable(0);
            session.service();
        }
        assertEquals(-1, io.closed);
        assertTrue(io.fin.containsKey(0L), "response not finished");
        byte[] out = io.out.get(0L).toByteArray();
        List<HeaderField> headers = null;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int p = 0;
        while (p < out.length) {
            long type = readVarInt(out, p);
            p += 1 << ((out[p] & 0xff) >>> 6);
            int len = (int) readVarInt(out, p);
            p += 1 << ((out[p] & 0xff) >>> 6);
            if (type == FrameType.HEADERS) headers = new QpackDecoder(0, 0, Long.MAX_VALUE).decode(0, out, p, len);
            else data.write(out, p, len);
            p += len;
        }
        return new Response(headers, data.toByteArray());
    }

    private static long readVarInt(byte[] b, int p) {
        int n = 1 << ((b[p] & 0xff) >>> 6);
        long v = b[p] & 0x3f;
        for (int i = 1; i < n; i++) v = (v << 8) | (b[p + i] & 0xff);
        return v;
    }

    @Test
    void routes() throws QpackException {
        Response root = exchange("GET", "/", null);
        assertEquals("200", root.status());
        assertArrayEquals(DemoRoutes.PAGE, root.body());

        byte[] upload = new byte[50_000];
        for (int i = 0; i < upload.length; i++) upload[i] = (byte) (i * 7);
        Response echo = exchange("POST", "/echo", upload);
        assertEquals("200", echo.status());
        assertArrayEquals(upload, echo.body());

        Response bytes = exchange("GET", "/bytes/100000", null);
        assertEquals("200", bytes.status());
        assertEquals(100000, bytes.body().length);
        assertEquals(new HeaderField("content-length", "100000"), bytes.headers().get(2));

        assertEquals("400", exchange("GET", "/bytes/12x", null).status());
        assertEquals("400", exchange("GET", "/bytes/99999999999", null).status());
        assertEquals("405", exchange("DELETE", "/", null).status());
        assertEquals("405", exchange("GET", "/echo", null).status());
        assertEquals("404", exchange("GET", "/elsewhere", null).status());
        assertEquals("501", exchange("CONNECT", null, null).status(), "plain CONNECT (no :scheme, no :path)");
    }
}
