package dev.socketiwa.it.h3;

import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.h3.FrameType;
import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.qpack.QpackEncoder;
import dev.socketiwa.quic.h3.qpack.QpackWriter;
import dev.socketiwa.quic.packet.VarInt;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import dev.socketiwa.quic.transport.QuicConfig;
import dev.socketiwa.runtime.quic.QuicClient;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our QUIC client with ALPN h3 but no HTTP/3 layer: the test writes raw bytes on streams it opens, to send what a
 * well-behaved client never would, and reads the server's answer as QUIC events (a close or a stream reset).
 */
final class RawH3Connection implements AutoCloseable {
    private final DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
    private final QuicClient quic = new QuicClient(new JcaCryptoProvider(), new QuicConfig(), udp);
    final Connection c;
    final List<ConnectionEvent> events = new ArrayList<>();

    RawH3Connection(int port, byte[] serverCertificateDer) {
        c = quic.connect(UdpEndpoint.of("127.0.0.1", port),
                new TlsClientConfig("localhost", List.of("h3"), CertificateTrust.pinned(serverCertificateDer)));
        assertTrue(quic.runUntil(c, c::isHandshakeConfirmed, 10_000, events::add), "handshake: " + c.state() + " " + events);
    }

    /** Opens a unidirectional (or bidirectional) stream and writes the bytes, with FIN when asked. */
    long open(boolean bidi, byte[] bytes, boolean fin) {
        long id = c.openStream(bidi);
        assertTrue(id >= 0, "no stream credit");
        write(id, bytes, fin);
        return id;
    }

    void write(long id, byte[] bytes, boolean fin) {
        int off = 0;
        while (off < bytes.length) {
            int n = c.write(id, bytes, off, bytes.length - off);
            assertTrue(n >= 0, "stream " + id + " refused bytes");
            off += n;
            if (off < bytes.length) quic.runUntil(c, () -> true, 100, events::add);
        }
        if (fin) c.finish(id);
    }

    /** Opens the client's control stream with the given frames (a valid SETTINGS unless the test says otherwise). */
    long control(byte[]... frames) {
        return open(false, cat(new byte[] {0x00}, cat(frames)), false);
    }

    /** Waits for the server to close the connection; returns the CLOSED event. */
    ConnectionEvent awaitClose() {
        assertTrue(quic.runUntil(c, c::isClosed, 5_000, events::add), "the server did not close the connection: " + events);
        return events.stream().filter(e -> e.kind == ConnectionEvent.Kind.CLOSED).findFirst().orElseThrow();
    }

    /** Waits for the server to reset the given stream; returns its error code. The connection must stay open. */
    long awaitReset(long streamId) {
        ConnectionEvent[] found = new ConnectionEvent[1];
        quic.runUntil(c, () -> {
            for (ConnectionEvent e : events) {
                if (e.kind == ConnectionEvent.Kind.STREAM_RESET && e.streamId == streamId) found[0] = e;
            }
            return found[0] != null || c.isClosed();
        }, 5_000, events::add);
        assertTrue(found[0] != null, "stream " + streamId + " was not reset: " + events);
        assertTrue(!c.isClosed(), "a stream error closed the connection: " + events);
        return found[0].errorCode;
    }

    /** Reads from a stream until at least min bytes came (or its end, or 5 s). */
    byte[] read(long id, int min) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        boolean[] end = {false};
        quic.runUntil(c, () -> {
            int n;
            while ((n = c.read(id, buf, 0, buf.length)) > 0) got.write(buf, 0, n);
            if (n < 0) end[0] = true;
            return end[0] || got.size() >= min;
        }, 5_000, events::add);
        return got.toByteArray();
    }

    @Override
    public void close() {
        if (!c.isClosed()) {
            c.close(System.nanoTime(), 0x100, "");
            quic.runUntil(c, c::isClosed, 2_000, events::add);
        }
        udp.close();
    }

    // ------------------------------------------------------------------------------------------------ bytes

    static byte[] frame(long type, byte[] payload) {
        byte[] b = new byte[16 + payload.length];
        int n = VarInt.write(b, 0, type);
        n = VarInt.write(b, n, payload.length);
        System.arraycopy(payload, 0, b, n, payload.length);
        return Arrays.copyOf(b, n + payload.length);
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /** A SETTINGS frame with the given payload (hex). */
    static byte[] settings(String payloadHex) {
        return frame(FrameType.SETTINGS, hex(payloadHex));
    }

    /** A HEADERS frame of literal and static field lines only (no dynamic table), in the given order. */
    static byte[] headers(String... nameValues) {
        List<HeaderField> f = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) f.add(new HeaderField(nameValues[i], nameValues[i + 1]));
        QpackWriter w = new QpackWriter(64);
        new QpackEncoder().encode(f, w);
        return frame(FrameType.HEADERS, w.toByteArray());
    }

    static void assertApplicationClose(long expected, ConnectionEvent closed) {
        assertTrue(closed.byPeer, "the server should have closed: " + closed);
        assertTrue(closed.application, "not an application (HTTP/3) close: " + closed);
        assertEquals(expected, closed.errorCode, "close: " + closed);
    }
}
