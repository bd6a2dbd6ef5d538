package dev.socketiwa.runtime.h3;

import dev.socketiwa.quic.h3.FakeStreams;
import dev.socketiwa.quic.h3.FrameType;
import dev.socketiwa.quic.h3.H3RequestHandler;
import dev.socketiwa.quic.h3.H3ServerSession;
import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.qpack.QpackDecoder;
import dev.socketiwa.quic.h3.qpack.QpackEncoder;
import dev.socketiwa.quic.h3.qpack.QpackException;
import dev.socketiwa.quic.h3.qpack.QpackWriter;
import dev.socketiwa.quic.packet.VarInt;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The client side of an in-memory HTTP/3 connection to a real server session: requests in, responses decoded. */
final class H3Wire {
    final FakeStreams io = new FakeStreams();
    final H3ServerSession session;

    H3Wire(H3RequestHandler handler) {
        session = new H3ServerSession(io, H3ServerSession.defaultSettings(), handler);
        // the client's control stream: SETTINGS with no dynamic table
        send(2, cat(varint(0), frame(FrameType.SETTINGS, new byte[0])), false, true);
    }

    static byte[] varint(long v) {
        byte[] b = new byte[8];
        return Arrays.copyOf(b, VarInt.write(b, 0, v));
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    static byte[] frame(long type, byte[] payload) {
        return cat(varint(type), varint(payload.length), payload);
    }

    static byte[] headers(String... nameValues) {
        List<HeaderField> f = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) f.add(new HeaderField(nameValues[i], nameValues[i + 1]));
        QpackWriter w = new QpackWriter(64);
        new QpackEncoder().encode(f, w);
        return frame(FrameType.HEADERS, w.toByteArray());
    }

    void send(long id, byte[] bytes, boolean fin, boolean opens) {
        io.push(id, bytes, fin);
        if (opens) session.onStreamOpened(id);
        session.onReadable(id);
    }

    /** A whole request on stream id; returns the response headers (status first). */
    List<HeaderField> request(long id, String method, String path, String protocol) throws QpackException {
        List<String> f = new ArrayList<>(List.of(":method", method, ":scheme", "https", ":authority", "localhost",
                ":path", path));
        if (protocol != null) f.addAll(List.of(":protocol", protocol));
        send(id, headers(f.toArray(new String[0])), protocol == null, true);
        for (int i = 0; i < 100 && !io.finished.containsKey(id) && protocol == null; i++) session.service();
        return responseHeaders(id);
    }

    List<HeaderField> responseHeaders(long id) throws QpackException {
        byte[] out = io.written(id);
        int p = 0;
        long type = read(out, p);
        p += 1 << ((out[p] & 0xff) >>> 6);
        long len = read(out, p);
        p += 1 << ((out[p] & 0xff) >>> 6);
        if (type != FrameType.HEADERS) throw new AssertionError("no HEADERS first on stream " + id);
        return new QpackDecoder(0, 0, Long.MAX_VALUE).decode(id, out, p, (int) len);
    }

    /** The response's DATA payloads joined. */
    byte[] body(long id) {
        byte[] out = io.written(id);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int p = 0;
        while (p < out.length) {
            long type = read(out, p);
            p += 1 << ((out[p] & 0xff) >>> 6);
            int len = (int) read(out, p);
            p += 1 << ((out[p] & 0xff) >>> 6);
            if (type == FrameType.DATA) data.write(out, p, len);
            p += len;
        }
        return data.toByteArray();
    }

    static String value(List<HeaderField> headers, String name) {
        for (HeaderField h : headers) {
            if (h.name.equals(name)) return h.value;
        }
        return null;
    }

    static long read(byte[] b, int p) {
        int n = 1 << ((b[p] & 0xff) >>> 6);
        long v = b[p] & 0x3f;
        for (int i = 1; i < n; i++) v = (v << 8) | (b[p + i] & 0xff);
        return v;
    }
}
