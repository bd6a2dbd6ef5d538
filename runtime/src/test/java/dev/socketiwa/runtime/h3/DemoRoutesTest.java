package dev.socketiwa.runtime.h3;

import dev.socketiwa.quic.h3.FakeStreams;
import dev.socketiwa.quic.h3.FrameType;
import dev.socketiwa.quic.h3.H3ServerSession;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo routes through a real server session over in-memory streams whose send side takes few bytes at a time. */
class DemoRoutesTest {
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
        FakeStreams io = new FakeStreams();
        io.writeLimit = 1000; // few bytes per write: the routes must cope with backpressure
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
        io.push(0L, request.toByteArray(), true);
        session.onStreamOpened(0);
        session.onReadable(0);
        for (int i = 0; i < 100_000 && !io.finished.containsKey(0L); i++) {
            session.onReadable(0);
            session.service();
        }
        assertEquals(-1, io.closeCode);
        assertTrue(io.finished.containsKey(0L), "response not finished");
        byte[] out = io.written(0L);
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
