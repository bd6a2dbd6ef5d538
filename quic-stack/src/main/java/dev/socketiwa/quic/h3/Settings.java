package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.packet.VarInt;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP/3 SETTINGS frame's parameters (RFC 9114 §7.2.4) with the identifiers the product uses. */
public final class Settings {
    public static final long QPACK_MAX_TABLE_CAPACITY = 0x01;
    public static final long MAX_FIELD_SECTION_SIZE = 0x06;
    public static final long QPACK_BLOCKED_STREAMS = 0x07;
    /** RFC 8441 / RFC 9220 extended CONNECT. */
    public static final long ENABLE_CONNECT_PROTOCOL = 0x08;
    /** RFC 9297 HTTP Datagrams. */
    public static final long H3_DATAGRAM = 0x33;
    /** draft-ietf-masque-h3-datagram-04; Chromium 156 accepts it but then fails streams: not advertised by default. */
    public static final long H3_DATAGRAM_DRAFT04 = 0xffd277L;
    /** WebTransport draft-02: what Chromium 156 negotiates (see notes/iwa-chromium.md). */
    public static final long ENABLE_WEBTRANSPORT_DRAFT02 = 0x2b603742L;
    /** WebTransport draft-07+ SETTINGS_WEBTRANSPORT_MAX_SESSIONS (Safari, per its implementers). */
    public static final long WEBTRANSPORT_MAX_SESSIONS_DRAFT07 = 0xc671706aL;
    /** WebTransport draft-13/14 SETTINGS_WT_MAX_SESSIONS. */
    public static final long WT_MAX_SESSIONS = 0x14e9cd29L;

    private final Map<Long, Long> values = new LinkedHashMap<>();

    public Settings set(long id, long value) {
        values.put(id, value);
        return this;
    }

    /** The value, or the default when absent. */
    public long get(long id, long defaultValue) {
        Long v = values.get(id);
        return v == null ? defaultValue : v;
    }

    public Map<Long, Long> values() {
        return values;
    }

    /** Settings that are HTTP/2-only and must not appear (RFC 9114 §7.2.4.1). */
    private static boolean isReservedHttp2(long id) {
        return id >= 0x02 && id <= 0x05;
    }

    /** Parses a SETTINGS payload, rejecting duplicates, HTTP/2 identifiers and out-of-range booleans. */
    public static Settings parse(byte[] b, int off, int len) throws H3Exception {
        Settings s = new Settings();
        int pos = off;
        int end = off + len;
        while (pos < end) {
            long id = VarInts.read(b, pos, end);
            pos += VarInts.lengthAt(b, pos);
            if (pos >= end) throw new H3Exception(H3Error.FRAME_ERROR, "SETTINGS ends inside a parameter");
            long value = VarInts.read(b, pos, end);
            pos += VarInts.lengthAt(b, pos);
            if (isReservedHttp2(id)) {
                throw new H3Exception(H3Error.SETTINGS_ERROR, "HTTP/2 setting 0x" + Long.toHexString(id) + " in HTTP/3");
            }
            if (s.values.containsKey(id)) {
                throw new H3Exception(H3Error.SETTINGS_ERROR, "setting 0x" + Long.toHexString(id) + " sent twice");
            }
            if ((id == ENABLE_CONNECT_PROTOCOL || id == H3_DATAGRAM) && value > 1) {
                throw new H3Exception(H3Error.SETTINGS_ERROR, "setting 0x" + Long.toHexString(id) + " must be 0 or 1");
            }
            s.values.put(id, value);
        }
        return s;
    }

    /** Payload length when written. */
    public int payloadLength() {
        int n = 0;
        for (Map.Entry<Long, Long> e : values.entrySet()) n += VarInt.length(e.getKey()) + VarInt.length(e.getValue());
        return n;
    }

    /** Writes the whole SETTINGS frame (type, length, payload); returns the position after it. */
    public int writeFrame(byte[] out, int pos) {
        pos = VarInt.write(out, pos, FrameType.SETTINGS);
        pos = VarInt.write(out, pos, payloadLength());
        for (Map.Entry<Long, Long> e : values.entrySet()) {
            pos = VarInt.write(out, pos, e.getKey());
            pos = VarInt.write(out, pos, e.getValue());
        }
        return pos;
    }
}
