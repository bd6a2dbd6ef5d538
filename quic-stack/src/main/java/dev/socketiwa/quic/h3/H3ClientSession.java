package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.qpack.QpackDecoder;
import dev.socketiwa.quic.h3.qpack.QpackEncoder;
import dev.socketiwa.quic.h3.qpack.QpackException;
import dev.socketiwa.quic.h3.qpack.QpackWriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client side of one HTTP/3 connection (RFC 9114), sans-IO over {@link ClientQuicStreams}: our control stream
 * with SETTINGS, the QPACK encoder and decoder streams, the server's unidirectional streams, and request streams
 * opened by {@link #request}. The caller forwards the connection's stream events and calls {@link #service} once per
 * loop turn. We never allow server push (no MAX_PUSH_ID), so push streams and PUSH_PROMISE are H3_ID_ERROR.
 */
public final class H3ClientSession {
    private static final int MAX_CONTROL_FRAME = 16 * 1024;

    private final ClientQuicStreams io;
    private final QpackDecoder decoder;
    private final QpackEncoder encoder = new QpackEncoder();
    private final QpackWriter encodeBuffer = new QpackWriter(256);
    private final byte[] frameHeader = new byte[16];
    private final byte[] scratch = new byte[16384];
    private final Map<Long, H3ClientRequest> requests = new HashMap<>();
    private final Map<Long, PeerUniStream> peerUni = new HashMap<>();
    private final List<H3ClientRequest> snapshot = new ArrayList<>();
    private final OwnStream control = new OwnStream(StreamType.CONTROL);
    private final OwnStream qpackEncoder = new OwnStream(StreamType.QPACK_ENCODER);
    private final OwnStream qpackDecoder = new OwnStream(StreamType.QPACK_DECODER);
    private boolean started;
    private boolean closed;
    private long closeCode = -1;
    private Settings peerSettings;
    private boolean peerControlSeen;
    private boolean peerEncoderSeen;
    private boolean peerDecoderSeen;
    /** The server's GOAWAY: the first request stream it will not process; Long.MAX_VALUE until one arrives. */
    private long peerGoawayId = Long.MAX_VALUE;

    /** One of our unidirectional streams: its ID once opened and the bytes the stream did not take yet. */
    private static final class OwnStream {
        final QpackWriter pending = new QpackWriter(64);
        long id = -1;

        OwnStream(long type) {
            pending.writeByte((int) type);
        }
    }

    /** A unidirectional stream the server opened, read according to its type. */
    private static final class PeerUniStream {
        final VarIntReader typeReader = new VarIntReader();
        long type = -1;
        final FrameHeaderReader frame = new FrameHeaderReader();
        boolean inFrame;
        long frameType;
        long remaining;
        byte[] payload;
        int payloadLength;
        boolean settingsSeen;
    }

    public H3ClientSession(ClientQuicStreams io, Settings local) {
        this.io = io;
        this.decoder = new QpackDecoder(local.get(Settings.QPACK_MAX_TABLE_CAPACITY, 0),
                (int) Math.min(Integer.MAX_VALUE, local.get(Settings.QPACK_BLOCKED_STREAMS, 0)),
                local.get(Settings.MAX_FIELD_SECTION_SIZE, Long.MAX_VALUE));
        byte[] settings = new byte[local.payloadLength() + 16];
        int n = local.writeFrame(settings, 0);
        control.pending.writeBytes(settings, 0, n);
    }

    public H3ClientSession(ClientQuicStreams io) {
        this(io, defaultSettings());
    }

    /** What this client advertises: a QPACK dynamic table the server may use and a field section limit. */
    public static Settings defaultSettings() {
        return new Settings()
                .set(Settings.QPACK_MAX_TABLE_CAPACITY, 4096)
                .set(Settings.QPACK_BLOCKED_STREAMS, 16)
                .set(Settings.MAX_FIELD_SECTION_SIZE, 64 * 1024);
    }

    QpackDecoder decoder() {
        return decoder;
    }

    QpackEncoder encoder() {
        return encoder;
    }

    QpackWriter encodeBuffer() {
        return encodeBuffer;
    }

    byte[] frameHeaderScratch() {
        return frameHeader;
    }

    /** The server's SETTINGS, or null before they arrive. */
    public Settings peerSettings() {
        return peerSettings;
    }

    /** True once the server's SETTINGS allow extended CONNECT (RFC 9220 §3). */
    public boolean extendedConnectAllowed() {
        return peerSettings != null && peerSettings.get(Settings.ENABLE_CONNECT_PROTOCOL, 0) == 1;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The HTTP/3 error code this session closed the connection with, or -1. */
    public long closeCode() {
        return closeCode;
    }

    /** The server's GOAWAY stream ID, or -1 when none arrived. */
    public long peerGoawayId() {
        return peerGoawayId == Long.MAX_VALUE ? -1 : peerGoawayId;
    }

    public int activeRequests() {
        return requests.size();
    }

    /** Entries the server's QPACK encoder inserted into our dynamic table so far. */
    public long peerQpackInsertCount() {
        return decoder.insertCount();
    }

    // ------------------------------------------------------------------------------------------------ requests

    /**
     * Opens a request stream and sends its headers (pseudo-headers first, in the caller's order). The body follows
     * with {@link H3ClientRequest#write} and ends with {@link H3ClientRequest#finish}. Returns null when no request
     * can start now: the connection is closed, the server sent GOAWAY, or its stream limit is reached (try again
     * after a response completes).
     *
     * @throws IllegalArgumentException for headers that would make a malformed request
     * @throws IllegalStateException for an extended CONNECT the server has not enabled (wait for its SETTINGS)
     */
    public H3ClientRequest request(List<HeaderField> headers, H3ResponseListener listener) {
        String why = RequestValidator.check(headers, true);
        if (why != null) throw new IllegalArgumentException("malformed request: " + why);
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).name.equals(":protocol") && !extendedConnectAllowed()) {
                throw new IllegalStateException("the server's SETTINGS do not enable extended CONNECT"
                        + (peerSettings == null ? " (they have not arrived yet)" : ""));
            }
        }
        if (closed || peerGoawayId != Long.MAX_VALUE) return null;
        start();
        long id = io.openBidiStream();
        if (id < 0) return null;
        H3ClientRequest r = new H3ClientRequest(this, io, id, listener, scratch);
        requests.put(id, r);
        r.sendHeaders(headers);
        flushOwnStreams();
        return r;
    }

    /** Convenience: the pseudo-headers of an ordinary request, followed by the given regular fields. */
    public static List<HeaderField> requestHeaders(String method, String authority, String path, HeaderField... extra) {
        List<HeaderField> h = new ArrayList<>(4 + extra.length);
        h.add(new HeaderField(":method", method));
        h.add(new HeaderField(":scheme", "https"));
        h.add(new HeaderField(":authority", authority));
        h.add(new HeaderField(":path", path));
        for (HeaderField f : extra) h.add(f);
        return h;
    }

    /** Convenience: the pseudo-headers of an extended CONNECT (RFC 9220) for the given protocol, e.g. websocket. */
    public static List<HeaderField> connectHeaders(String protocol, String authority, String path, HeaderField... extra) {
        List<HeaderField> h = new ArrayList<>(5 + extra.length);
        h.add(new HeaderField(":method", "CONNECT"));
        h.add(new HeaderField(":protocol", protocol));
        h.add(new HeaderField(":scheme", "https"));
        h.add(new HeaderField(":authority", authority));
        h.add(new HeaderField(":path", path));
        for (HeaderField f : extra) h.add(f);
        return h;
    }

    void release(H3ClientRequest r) {
        requests.remove(r.streamId());
    }

    // ------------------------------------------------------------------------------------------------ events

    public void onStreamOpened(long id) {
        if (closed) return;
        start();
        if ((id & 0x3) == 1) {
            fail(H3Error.STREAM_CREATION_ERROR, "the server opened bidirectional stream " + id);
        } else if ((id & 0x3) == 3) {
            peerUni.put(id, new PeerUniStream());
        }
    }

    public void onReadable(long id) {
        if (closed) return;
        start();
        try {
            H3ClientRequest r = requests.get(id);
            PeerUniStream u = r == null ? peerUni.get(id) : null;
            if (r != null) {
                if (!r.hasResponse()) {
                    if (r.readHead()) r.notifyResponse();
                } else {
                    r.notifyReadable();
                }
            } else if (u != null) {
                readUni(id, u);
            } else {
                while (io.read(id, scratch, 0, scratch.length) > 0) {
                    // a stream we no longer track: drop what still arrives
                }
            }
        } catch (H3Exception e) {
            fail(e.errorCode(), e.getMessage());
        } catch (QpackException e) {
            fail(e.errorCode(), e.getMessage());
        }
        flushOwnStreams();
    }

    public void onWritable(long id) {
        H3ClientRequest r = requests.get(id);
        if (r != null) r.notifyWritable();
    }

    /** The server reset its sending side of a stream. */
    public void onStreamReset(long id, long errorCode) {
        if (closed) return;
        if (isCritical(id)) {
            fail(H3Error.CLOSED_CRITICAL_STREAM, "critical stream " + id + " was reset");
            return;
        }
        H3ClientRequest r = requests.get(id);
        if (r != null) r.peerAborted(errorCode);
        peerUni.remove(id);
    }

    /** The server asked us to stop sending on a stream. */
    public void onStopSending(long id, long errorCode) {
        if (closed) return;
        if (isCritical(id)) {
            fail(H3Error.CLOSED_CRITICAL_STREAM, "critical stream " + id + " was stopped");
            return;
        }
        H3ClientRequest r = requests.get(id);
        if (r != null) r.stopSendingReceived(errorCode);
    }

    private boolean isCritical(long id) {
        if (id == control.id || id == qpackEncoder.id || id == qpackDecoder.id) return true;
        PeerUniStream u = peerUni.get(id);
        return u != null && (u.type == StreamType.CONTROL || u.type == StreamType.QPACK_ENCODER
                || u.type == StreamType.QPACK_DECODER);
    }

    /** The connection closed (errorCode as the close carried it): every request in progress is aborted. */
    public void onConnectionClosed(long errorCode) {
        closed = true;
        if (closeCode < 0) closeCode = errorCode;
        snapshot.clear();
        snapshot.addAll(requests.values());
        requests.clear();
        for (int i = 0; i < snapshot.size(); i++) snapshot.get(i).peerAborted(H3Error.REQUEST_CANCELLED);
    }

    /** Once per loop turn: pushes pending control bytes and lets requests that wait for space write. */
    public void service() {
        if (closed) return;
        start();
        flushOwnStreams();
        snapshot.clear();
        snapshot.addAll(requests.values());
        for (int i = 0; i < snapshot.size(); i++) snapshot.get(i).notifyWritable();
    }

    /** Closes the connection with an HTTP/3 error code (H3_NO_ERROR for a normal close). */
    public void fail(long errorCode, String reason) {
        if (closed) return;
        closeCode = errorCode;
        io.closeConnection(errorCode, reason);
        onConnectionClosed(errorCode);
    }

    // ------------------------------------------------------------------------------------------------ our streams

    private void start() {
        if (started) return;
        started = true;
        flushOwnStreams();
    }

    private void flushOwnStreams() {
        if (closed) return;
        QpackWriter instructions = decoder.instructions();
        if (instructions.length() > 0) {
            qpackDecoder.pending.writeBytes(instructions.array(), 0, instructions.length());
            instructions.clear();
        }
        instructions = encoder.instructions();
        if (instructions.length() > 0) {
            qpackEncoder.pending.writeBytes(instructions.array(), 0, instructions.length());
            instructions.clear();
        }
        flush(control);
        flush(qpackEncoder);
        flush(qpackDecoder);
    }

    private void flush(OwnStream s) {
        if (s.id < 0) {
            s.id = io.openUniStream();
            if (s.id < 0) return;
        }
        if (s.pending.length() == 0) return;
        int n = io.write(s.id, s.pending.array(), 0, s.pending.length());
        if (n > 0) s.pending.consume(n);
    }

    // ------------------------------------------------------------------------------------------------ server streams

    private void readUni(long id, PeerUniStream u) throws H3Exception, QpackException {
        if (u.type < 0) {
            int r = u.typeReader.read(io, id);
            if (r == VarIntReader.MORE) return;
            if (r == VarIntReader.END) {
                peerUni.remove(id);
                return;
            }
            u.type = u.typeReader.value;
            if (u.type == StreamType.CONTROL) {
                if (peerControlSeen) throw new H3Exception(H3Error.STREAM_CREATION_ERROR, "second control stream");
                peerControlSeen = true;
            } else if (u.type == StreamType.QPACK_ENCODER) {
                if (peerEncoderSeen) throw new H3Exception(H3Error.STREAM_CREATION_ERROR, "second QPACK encoder stream");
                peerEncoderSeen = true;
            } else if (u.type == StreamType.QPACK_DECODER) {
                if (peerDecoderSeen) throw new H3Exception(H3Error.STREAM_CREATION_ERROR, "second QPACK decoder stream");
                peerDecoderSeen = true;
            } else if (u.type == StreamType.PUSH) {
                throw new H3Exception(H3Error.ID_ERROR, "a push stream although we sent no MAX_PUSH_ID");
            } else {
                // unknown stream types are ignored (RFC 9114 §6.2)
                io.stopSending(id, H3Error.STREAM_CREATION_ERROR);
            }
        }
        if (u.type == StreamType.CONTROL) {
            readControl(id, u);
        } else if (u.type == StreamType.QPACK_ENCODER || u.type == StreamType.QPACK_DECODER) {
            readQpack(id, u);
        } else {
            while (io.read(id, scratch, 0, scratch.length) > 0) {
                // discarded
            }
        }
    }

    private void readQpack(long id, PeerUniStream u) throws H3Exception, QpackException {
        boolean inserted = false;
        while (true) {
            int n = io.read(id, scratch, 0, scratch.length);
            if (n == 0) break;
            if (n < 0) throw new H3Exception(H3Error.CLOSED_CRITICAL_STREAM, "QPACK stream " + id + " closed");
            if (u.type == StreamType.QPACK_ENCODER) {
                decoder.onEncoderStream(scratch, 0, n);
                inserted = true;
            } else {
                encoder.onDecoderStream(scratch, 0, n);
            }
        }
        if (inserted && decoder.blockedStreams() > 0) retryBlocked();
    }

    private void retryBlocked() throws H3Exception, QpackException {
        snapshot.clear();
        snapshot.addAll(requests.values());
        for (int i = 0; i < snapshot.size(); i++) {
            H3ClientRequest r = snapshot.get(i);
            if (!r.isBlocked()) continue;
            if (!r.hasResponse()) {
                if (r.readHead()) r.notifyResponse();
            } else {
                r.notifyReadable();
            }
        }
    }

    private void readControl(long id, PeerUniStream u) throws H3Exception {
        while (true) {
            if (!u.inFrame) {
                int r = u.frame.read(io, id);
                if (r == VarIntReader.MORE) return;
                if (r == VarIntReader.END) throw new H3Exception(H3Error.CLOSED_CRITICAL_STREAM, "control stream closed");
                startControlFrame(u);
            }
            if (u.payload == null) {
                while (u.remaining > 0) {
                    int n = io.read(id, scratch, 0, (int) Math.min(scratch.length, u.remaining));
                    if (n == 0) return;
                    if (n < 0) throw new H3Exception(H3Error.CLOSED_CRITICAL_STREAM, "control stream closed");
                    u.remaining -= n;
                }
            } else {
                while (u.remaining > 0) {
                    int n = io.read(id, u.payload, u.payloadLength, (int) u.remaining);
                    if (n == 0) return;
                    if (n < 0) throw new H3Exception(H3Error.CLOSED_CRITICAL_STREAM, "control stream closed");
                    u.payloadLength += n;
                    u.remaining -= n;
                }
                controlFrame(u);
            }
            u.inFrame = false;
        }
    }

    private void startControlFrame(PeerUniStream u) throws H3Exception {
        long t = u.frame.type;
        if (!u.settingsSeen && t != FrameType.SETTINGS) {
            throw new H3Exception(H3Error.MISSING_SETTINGS, "first control frame is not SETTINGS");
        }
        if (t == FrameType.DATA || t == FrameType.HEADERS || t == FrameType.PUSH_PROMISE || t == FrameType.MAX_PUSH_ID
                || FrameType.isReservedHttp2(t) || (t == FrameType.SETTINGS && u.settingsSeen)) {
            throw new H3Exception(H3Error.FRAME_UNEXPECTED, "frame type 0x" + Long.toHexString(t) + " on the control stream");
        }
        u.inFrame = true;
        u.frameType = t;
        u.remaining = u.frame.length;
        boolean known = t == FrameType.SETTINGS || t == FrameType.GOAWAY || t == FrameType.CANCEL_PUSH;
        if (known) {
            if (u.frame.length > MAX_CONTROL_FRAME) {
                throw new H3Exception(H3Error.EXCESSIVE_LOAD, "control frame of " + u.frame.length + " bytes");
            }
            u.payload = new byte[(int) u.frame.length];
            u.payloadLength = 0;
        } else {
            u.payload = null;
        }
    }

    private void controlFrame(PeerUniStream u) throws H3Exception {
        byte[] p = u.payload;
        int len = u.payloadLength;
        u.payload = null;
        if (u.frameType == FrameType.SETTINGS) {
            u.settingsSeen = true;
            peerSettings = Settings.parse(p, 0, len);
            encoder.setPeerMaxTableCapacity(peerSettings.get(Settings.QPACK_MAX_TABLE_CAPACITY, 0));
            return;
        }
        if (len == 0) throw new H3Exception(H3Error.FRAME_ERROR, "empty frame 0x" + Long.toHexString(u.frameType));
        long value = VarInts.read(p, 0, len);
        if (VarInts.lengthAt(p, 0) != len) {
            throw new H3Exception(H3Error.FRAME_ERROR, "extra bytes in frame 0x" + Long.toHexString(u.frameType));
        }
        if (u.frameType == FrameType.CANCEL_PUSH) {
            throw new H3Exception(H3Error.ID_ERROR, "CANCEL_PUSH for push " + value + " although we allowed no push");
        }
        // GOAWAY from a server names a client-initiated bidirectional stream, and may only shrink (RFC 9114 §5.2)
        if ((value & 0x3) != 0) throw new H3Exception(H3Error.ID_ERROR, "GOAWAY with stream ID " + value);
        if (value > peerGoawayId) {
            throw new H3Exception(H3Error.ID_ERROR, "GOAWAY ID grew from " + peerGoawayId + " to " + value);
        }
        peerGoawayId = value;
        snapshot.clear();
        snapshot.addAll(requests.values());
        for (int i = 0; i < snapshot.size(); i++) {
            if (snapshot.get(i).streamId() >= value) snapshot.get(i).rejectedByGoaway();
        }
    }
}
