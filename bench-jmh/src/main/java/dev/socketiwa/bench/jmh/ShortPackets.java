package dev.socketiwa.bench.jmh;

import dev.socketiwa.quic.crypto.PacketProtection;
import dev.socketiwa.quic.frame.FrameParser;
import dev.socketiwa.quic.frame.FrameWriter;
import dev.socketiwa.quic.packet.Header;
import dev.socketiwa.quic.packet.PacketProtector;
import dev.socketiwa.quic.packet.PacketType;
import dev.socketiwa.quic.packet.VarInt;
import dev.socketiwa.quic.transport.QuicException;

/**
 * Lays out and reads back the packet the benchmarks use: a 1-RTT short header (8-byte destination connection ID,
 * 2-byte packet number) carrying one STREAM frame that fills a 1200-byte datagram, the shape of a bulk transfer.
 * Shared by the benchmark and its test, so the test checks exactly what is measured.
 */
final class ShortPackets {
    static final int DATAGRAM = 1200;
    static final int DCID_LENGTH = 8;
    static final int PN_LENGTH = 2;
    static final int PN_OFFSET = 1 + DCID_LENGTH;
    static final int TAG = 16;
    static final long STREAM_ID = 4;

    private final byte[] dcid = {1, 2, 3, 4, 5, 6, 7, 8};
    private final byte[] data;
    private final PacketProtector protector = new PacketProtector();
    private final Header header = new Header();
    private final FrameParser parser = new FrameParser(true);
    final CountingFrameVisitor visitor = new CountingFrameVisitor();

    ShortPackets() {
        data = new byte[DATAGRAM];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
    }

    /** Stream bytes one packet carries, given the space left after header, frame header and (when sealed) the tag. */
    static int streamBytes(long offset, boolean sealed) {
        int room = DATAGRAM - PN_OFFSET - PN_LENGTH - (sealed ? TAG : 0);
        // no length field: the frame runs to the end of the packet
        return room - (FrameWriter.streamHeaderSize(STREAM_ID, offset, room) - VarInt.length(room));
    }

    /** Writes header and frame in cleartext; returns the plaintext payload length (after the packet number). */
    int writePlain(byte[] buf, long pn, long offset, boolean sealed) {
        buf[0] = (byte) (0x40 | (PN_LENGTH - 1));
        System.arraycopy(dcid, 0, buf, 1, DCID_LENGTH);
        buf[PN_OFFSET] = (byte) (pn >>> 8);
        buf[PN_OFFSET + 1] = (byte) pn;
        int len = streamBytes(offset, sealed);
        int pos = FrameWriter.streamHeader(buf, PN_OFFSET + PN_LENGTH, STREAM_ID, offset, len, false, false);
        System.arraycopy(data, 0, buf, pos, len);
        return pos + len - (PN_OFFSET + PN_LENGTH);
    }

    /** Builds and protects a packet in buf; returns the datagram length. */
    int writeSealed(byte[] buf, long pn, long offset, PacketProtection pp) {
        int payload = writePlain(buf, pn, offset, true);
        return protector.seal(buf, 0, PN_OFFSET, PN_LENGTH, payload, pn, pp, false);
    }

    /** Parses a cleartext packet: header, then every frame. Returns the stream bytes seen. */
    long readPlain(byte[] buf, int len) throws QuicException {
        if (!header.parse(buf, 0, len, DCID_LENGTH)) {
            throw new IllegalStateException("header did not parse");
        }
        long before = visitor.streamBytes;
        int payload = header.pnOffset + PN_LENGTH;
        parser.parse(buf, payload, header.packetEnd - payload, PacketType.ONE_RTT, visitor);
        return visitor.streamBytes - before;
    }

    /**
     * Receives a protected packet the way the connection does: parse the header, remove header protection in place,
     * decode the packet number, open the payload into out, parse its frames. Returns the stream bytes seen, or -1.
     */
    long readSealed(byte[] buf, int len, PacketProtection pp, long largestReceived, byte[] out) throws QuicException {
        if (!header.parse(buf, 0, len, DCID_LENGTH) || !protector.removeHeaderProtection(buf, header, pp)) {
            return -1;
        }
        long pn = protector.decodePacketNumber(largestReceived);
        int n = protector.openPayload(buf, header, pp, pn, out, 0);
        if (n < 0) {
            return -1;
        }
        long before = visitor.streamBytes;
        parser.parse(out, 0, n, PacketType.ONE_RTT, visitor);
        return visitor.streamBytes - before;
    }
}
