package dev.socketiwa.runtime.h3;

import dev.socketiwa.quic.h3.FrameType;
import dev.socketiwa.quic.h3.qpack.QpackException;
import dev.socketiwa.quic.h3.webtransport.Capsules;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.socketiwa.runtime.h3.H3Wire.cat;
import static dev.socketiwa.runtime.h3.H3Wire.frame;
import static dev.socketiwa.runtime.h3.H3Wire.varint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's WebTransport echo at /wt: datagrams, a bidi stream, a uni stream, then a close the log reports. */
class WebTransportEchoTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void echoesEverythingAndLogsTheClose() throws QpackException {
        List<String> log = new ArrayList<>();
        H3Wire w = new H3Wire(new DemoRoutes(new WebTransportEcho(log::add)));
        w.io.writeLimit = 5000; // a 100 kB stream echo has to follow backpressure
        assertEquals("200", w.request(0, "CONNECT", "/wt", "webtransport").get(0).value);
        assertEquals(List.of("webtransport: session 0 at /wt open"), log);

        byte[] d = cat(varint(0), utf8("datagram"));
        w.session.onDatagram(d, 0, d.length);
        assertArrayEquals(d, w.io.datagrams.get(0));

        byte[] big = new byte[100_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 13);
        w.send(4, cat(varint(0x41), varint(0), big), true, true);
        for (int i = 0; i < 1000 && !w.io.finished.containsKey(4L); i++) {
            w.session.onReadable(4);
            w.session.service();
        }
        assertArrayEquals(big, w.io.written(4));

        w.send(6, cat(varint(0x54), varint(0), utf8("uni")), true, true);
        w.session.service();
        byte[] answer = null;
        for (long id = 3; id < 64; id += 4) {
            byte[] out = w.io.written(id);
            if (out.length > 2 && out[0] == 0x40 && out[1] == 0x54) answer = out;
        }
        assertArrayEquals(cat(varint(0x54), varint(0), utf8("uni")), answer);

        byte[] close = cat(varint(Capsules.CLOSE_WEBTRANSPORT_SESSION), varint(7), new byte[] {0, 0, 0, 42}, utf8("bye"));
        w.send(0, frame(FrameType.DATA, close), true, false);
        assertEquals("webtransport: session 0 closed with code 42 reason \"bye\"", log.get(log.size() - 1));
        assertTrue(w.io.finished.containsKey(0L));
        assertEquals(-1, w.io.closeCode);
    }

    @Test
    void aUniAnswerRefusedByTheStreamLimitGoesOutWhenThePeerAllowsMore() throws QpackException {
        H3Wire w = new H3Wire(new DemoRoutes(new WebTransportEcho(line -> { })));
        assertEquals("200", w.request(0, "CONNECT", "/wt", "webtransport").get(0).value);
        w.io.uniStreamsAllowed = 3; // the peer allowed only HTTP/3's own control and QPACK streams so far
        w.send(6, cat(varint(0x54), varint(0), utf8("uni")), true, true);
        w.session.service();
        assertEquals(0, w.io.written(15).length, "no stream to answer on yet");

        w.io.uniStreamsAllowed = 4; // MAX_STREAMS arrived: no new bytes from the peer, only the transport's event
        w.session.onStreamsAvailable(false);
        w.session.service();
        assertArrayEquals(cat(varint(0x54), varint(0), utf8("uni")), w.io.written(15));
        assertTrue(w.io.finished.containsKey(15L));
    }
}
