package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.qpack.Huffman;
import dev.socketiwa.quic.h3.qpack.QpackDecoder;
import dev.socketiwa.quic.h3.qpack.QpackEncoder;
import dev.socketiwa.quic.h3.qpack.QpackWriter;
import dev.socketiwa.quic.packet.VarInt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Compiled to wasm by {@link H3WasmTest}: an HTTP/3 exchange through the server session in memory, with QPACK
 * (Huffman, both table directions) on the way, printing what the test checks.
 */
public final class H3WasmMain {
    private H3WasmMain() {
    }

    public static void main(String[] args) throws Exception {
        FakeStreams io = new FakeStreams();
        H3ServerSession session = new H3ServerSession(io, H3ServerSession.defaultSettings(), x -> {
            if ("webtransport".equals(x.protocol())) {
                x.session().webTransport().accept(x, new WasmEcho());
                return;
            }
            byte[] body = ("you asked for " + x.path()).getBytes(StandardCharsets.UTF_8);
            x.respond(200, List.of(new HeaderField("content-type", "text/plain")));
            x.write(body, 0, body.length);
            x.finish();
        });
        QpackWriter block = new QpackWriter(64);
        new QpackEncoder().encode(List.of(new HeaderField(":method", "GET"), new HeaderField(":scheme", "https"),
                new HeaderField(":authority", "www.example.com"), new HeaderField(":path", "/wasm")), block);
        byte[] frame = new byte[block.length() + 8];
        int n = VarInt.write(frame, 0, FrameType.HEADERS);
        n = VarInt.write(frame, n, block.length());
        System.arraycopy(block.array(), 0, frame, n, block.length());
        io.push(0, Arrays.copyOf(frame, n + block.length()), true);
        session.onStreamOpened(0);
        session.onReadable(0);
        session.service();

        byte[] out = io.written(0);
        int len = out[1] & 0x3f;
        List<HeaderField> response = new QpackDecoder(0, 0, Long.MAX_VALUE).decode(0, out, 2, len);
        int dataLen = out[3 + len] & 0x3f;
        String body = new String(out, 4 + len, dataLen, StandardCharsets.UTF_8);
        System.out.println("RESPONSE " + response.get(0) + " fin=" + io.finished.containsKey(0L) + " body=" + body);

        byte[] huff = new byte[Huffman.encodedLength("www.example.com")];
        Huffman.encode("www.example.com", huff, 0);
        StringBuilder hex = new StringBuilder();
        for (byte b : huff) hex.append(Integer.toHexString((b & 0xff) | 0x100).substring(1));
        System.out.println("HUFFMAN " + hex + " " + Huffman.decode(huff, 0, huff.length));

        // WebTransport: a session on stream 4, a datagram and a bidirectional stream echoed, then a close capsule
        block.clear();
        new QpackEncoder().encode(List.of(new HeaderField(":method", "CONNECT"), new HeaderField(":protocol", "webtransport"),
                new HeaderField(":scheme", "https"), new HeaderField(":authority", "localhost"),
                new HeaderField(":path", "/wt")), block);
        n = VarInt.write(frame, 0, FrameType.HEADERS);
        n = VarInt.write(frame, n, block.length());
        io.push(4, Arrays.copyOf(frame, n), false);
        io.push(4, Arrays.copyOf(block.array(), block.length()), false);
        session.onStreamOpened(4);
        session.onReadable(4);
        byte[] datagram = {1, 'd', 'g'};
        session.onDatagram(datagram, 0, datagram.length);
        io.push(8, new byte[] {0x40, 0x41, 4, 'b', 'i'}, true);
        session.onStreamOpened(8);
        session.onReadable(8);
        io.push(4, new byte[] {0, 10, (byte) 0x80, 0, 0x28, 0x43, 5, 0, 0, 0, 7, 'b'}, false);
        session.onReadable(4);
        byte[] echoed = io.datagrams.get(0);
        System.out.println("WT datagram=" + new String(echoed, 1, echoed.length - 1, StandardCharsets.UTF_8)
                + " bidi=" + new String(io.written(8), StandardCharsets.UTF_8) + " fin=" + io.finished.containsKey(8L)
                + " " + WasmEcho.closed);
    }

    /** Echoes datagrams and bidirectional streams; remembers how the session closed. */
    static final class WasmEcho implements dev.socketiwa.quic.h3.webtransport.WebTransportHandler {
        static String closed = "open";

        @Override
        public void onDatagram(dev.socketiwa.quic.h3.webtransport.WebTransportSession s, byte[] b, int off, int len) {
            s.sendDatagram(b, off, len);
        }

        @Override
        public void onStream(dev.socketiwa.quic.h3.webtransport.WebTransportSession s,
                             dev.socketiwa.quic.h3.webtransport.WebTransportStream stream) {
            stream.setListener(new dev.socketiwa.quic.h3.webtransport.WebTransportStreamListener() {
                @Override
                public void onReadable(dev.socketiwa.quic.h3.webtransport.WebTransportStream st) {
                    byte[] buf = new byte[64];
                    int r;
                    while ((r = st.read(buf, 0, buf.length)) > 0) st.write(buf, 0, r);
                    if (r < 0) st.finish();
                }
            });
        }

        @Override
        public void onClose(dev.socketiwa.quic.h3.webtransport.WebTransportSession s, long code, String reason) {
            closed = "close=" + code + "/" + reason;
        }
    }
}
