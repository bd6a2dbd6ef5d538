package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.h3.qpack.QpackDecoder;
import dev.socketiwa.quic.h3.webtransport.WebTransportErrors;
import dev.socketiwa.quic.h3.webtransport.WebTransportSessions;
import dev.socketiwa.quic.h3.qpack.QpackEncoder;
import dev.socketiwa.quic.h3.qpack.QpackException;
import dev.socketiwa.quic.h3.qpack.QpackWriter;
import dev.socketiwa.quic.packet.VarInt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server side of one HTTP/3 connection (RFC 9114), sans-IO over {@link QuicStreams}: our control stream with
 * SETTINGS, the QPACK encoder and decoder streams, the peer's unidirectional streams (unknown types ignored), and
 * request streams handed to the {@link H3RequestHandler}. The caller forwards the connection's stream events and calls
 * {@link #service} once per loop turn. Connection errors close the QUIC connection with the HTTP/3 error code.
 */
public final class H3ServerSession {
    private static final int MAX_CONTROL_FRAME = 16 * 1024;

    private final QuicStreams io;
    private final Settings local;
    private final H3RequestHandler handler;
    private final QpackDecoder decoder;
    private final QpackEncoder encoder = new QpackEncoder();
    private final QpackWriter encodeBuffer = new QpackWriter(256);
    private final byte[] frameHeader = new byte[16];
    private final byte[] scratch = new byte[16384];
    private final Map<Long, H3Exchange> requests = new HashMap<>();
    private final Map<Long, PeerUniStream> peerUni = new HashMap<>();
    private final List<H3Exchange> snapshot = new ArrayList<>();
    private final OwnStream control = new OwnStream(StreamType.CONTROL);
    private final OwnStream qpackEncoder = new OwnStream(StreamType.QPACK_ENCODER);
    private final OwnStream qpackDecoder = new OwnStream(StreamType.QPACK_DECODER);
    private boolean started;
    private boolean closed;
    private Settings peerSettings;
    private boolean peerControlSeen;
    private boolean peerEncoderSeen;
    private boolean peerDecoderSeen;
    /** Highest client bidirectional stream ID accepted so far, for GOAWAY. */
    private long lastRequestId = -4;
    /** Once GOAWAY went out, requests on this stream ID or above are refused. */
    private long goawayId = Long.MAX_VALUE;
    private long peerGoawayId = -1;
    /** The WebTransport sessions and their streams; null when our SETTINGS do not offer WebTransport. */
    private final WebTransportSessions webTransport;

    /** One of our unidirectional streams: its ID once opened and the bytes the stream did not take yet. */
    private static final class OwnStream {
        final QpackWriter pending = new QpackWriter(64);
        long id = -1;

        OwnStream(long type) {
            pending.writeByte((int) type);
        }
    }

    /** A unidirectional stream the peer opened, read according to its type. */
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
        boolean discard;
        /** For WebTransport streams: reads the session ID after the type. */
        VarIntReader sessionReader;
    }

    public H3ServerSession(QuicStreams io, Settings local, H3RequestHandler handler) {
        this.io = io;
        this.local = local;
        this.handler = handler;
        this.decoder = new QpackDecoder(local.get(Settings.QPACK_MAX_TABLE_CAPACITY, 0),
                (int) Math.min(Integer.MAX_VALUE, local.get(Settings.QPACK_BLOCKED_STREAMS, 0)),
                local.get(Settings.MAX_FIELD_SECTION_SIZE, Long.MAX_VALUE));
        long maxSessions = webTransportMaxSessions(local);
        this.webTransport = maxSessions > 0 ? new WebTransportSessions(io, maxSessions) : null;
        byte[] settings = new byte[local.payloadLength() + 16];
        int n = local.writeFrame(settings, 0);
        control.pending.writeBytes(settings, 0, n);
    }

    /** WebTransport sessions a connection may have by default. */
    public static final int DEFAULT_WEBTRANSPORT_SESSIONS = 16;

    /**
     * The SETTINGS this server advertises by default: QPACK table, extended CONNECT, HTTP Datagrams and WebTransport
     * in the dialects browsers negotiate (Chromium: draft-02's enable flag; Safari and newer drafts: max sessions).
     */
    public static Settings defaultSettings() {
        return new Settings()
                .set(Settings.QPACK_MAX_TABLE_CAPACITY, 4096)
                .set(Settings.QPACK_BLOCKED_STREAMS, 16)
                .set(Settings.MAX_FIELD_SECTION_SIZE, 64 * 1024)
                .set(Settings.ENABLE_CONNECT_PROTOCOL, 1)
                .set(Settings.H3_DATAGRAM, 1)
                .set(Settings.ENABLE_WEBTRANSPORT_DRAFT02, 1)
                .set(Settings.WEBTRANSPORT_MAX_SESSIONS_DRAFT07, DEFAULT_WEBTRANSPORT_SESSIONS)
                .set(Settings.WT_MAX_SESSIONS, DEFAULT_WEBTRANSPORT_SESSIONS);
    }

    /** How many WebTransport sessions our SETTINGS offer (0: none; draft-02's flag alone means one). */
    static long webTransportMaxSessions(Settings s) {
        if (s.get(Settings.ENABLE_CONNECT_PROTOCOL, 0) != 1 || s.get(Settings.H3_DATAGRAM, 0) != 1) return 0;
        long max = Math.max(s.get(Settings.WEBTRANSPORT_MAX_SESSIONS_DRAFT07, 0), s.get(Settings.WT_MAX_SESSIONS, 0));
        if (max == 0 && s.get(Settings.ENABLE_WEBTRANSPORT_DRAFT02, 0) == 1) max = 1;
        return max;
    }

    /** The connection's WebTransport sessions, or null when our SETTINGS do not offer WebTransport. */
    public WebTransportSessions webTransport() {
        return webTransport;
    }

    boolean webTransportEnabled() {
        return webTransport != null;
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

    boolean extendedConnectEnabled() {
        return local.get(Settings.ENABLE_CONNECT_PROTOCOL, 0) == 1;
    }

    /** The peer's SETTINGS, or null before they arrive. */
    public Settings peerSettings() {
        return peerSettings;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Requests in progress. */
    public int activeRequests() {
        return requests.size();
    }

    /** Entries the peer's QPACK encoder inserted into our dynamic table so far. */
    public long peerQpackInsertCount() {
        return decoder.insertCount();
    }

    /** Our field sections so far that referenced the dynamic table (the peer acknowledged those entries first). */
    public long ourSectionsReferencingTable() {
        return encoder.sectionsReferencingTable();
    }

    /** The peer's GOAWAY ID, or -1 when none arrived. */
    public long peerGoawayId() {
        return peerGoawayId;
    }

    // ------------------------------------------------------------------------------------------------ events

    public void onStreamOpened(long id) {
        if (closed) return;
        start();
        if ((id & 0x3) == 0) {
            // past GOAWAY, requests are refused once their headers show they are requests: streams of WebTransport
            // sessions that go on draining are still welcome
            if (id < goawayId) lastRequestId = Math.max(lastRequestId, id);
            requests.put(id, new H3Exchange(this, io, id, scratch));
        } else if ((id & 0x3) == 2) {
            peerUni.put(id, new PeerUniStream());
        }
    }

    public void onReadable(long id) {
        if (closed) return;
        start();
        try {
            if (webTransport != null && webTransport.owns(id)) {
                webTransport.onReadable(id);
                flushOwnStreams();
                return;
            }
            H3Exchange x = requests.get(id);
            PeerUniStream u = x == null ? peerUni.get(id) : null;
            if (x != null) {
                if (!x.hasHeaders()) {
                    if (x.readHeaders()) dispatch(x);
                    else if (x.webTransportSessionId() >= 0) adoptWebTransportStream(id, x.webTransportSessionId(), true);
                } else {
                    x.notifyReadable();
                }
            } else if (u != null) {
                readUni(id, u);
            } else {
                while (io.read(id, scratch, 0, scratch.length) > 0) {
                    // a stream we no longer track (finished or refused): drop what still arrives
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
        if (closed) return;
        if (webTransport != null && webTransport.owns(id)) {
            webTransport.onWritable(id);
            return;
        }
        H3Exchange x = requests.get(id);
        if (x != null) x.notifyWritable();
    }

    /** The peer asked us to stop sending on the stream (STOP_SENDING). */
    public void onStopSending(long id, long errorCode) {
        if (closed) return;
        if (webTransport != null && webTransport.owns(id)) {
            webTransport.onStopSending(id, errorCode);
            return;
        }
        onStreamAborted(id, errorCode);
    }

    /**
     * The peer reset its sending side of the stream (STREAM_RESET); also takes STOP_SENDING from callers that do not
     * tell them apart (both abort a request).
     */
    public void onStreamAborted(long id, long errorCode) {
        if (closed) return;
        if (webTransport != null && webTransport.owns(id)) {
            webTransport.onStreamReset(id, errorCode);
            return;
        }
        if (id == control.id || id == qpackEncoder.id || id == qpackDecoder.id || isCriticalPeerStream(id)) {
            fail(H3Error.CLOSED_CRITICAL_STREAM, "critical stream " + id + " was reset or stopped");
            return;
        }
        H3Exchange x = requests.get(id);
        if (x != null) x.peerAborted(H3Error.REQUEST_CANCELLED);
        peerUni.remove(id);
    }

    private boolean isCriticalPeerStream(long id) {
        PeerUniStream u = peerUni.get(id);
        return u != null && (u.type == StreamType.CONTROL || u.type == StreamType.QPACK_ENCODER
                || u.type == StreamType.QPACK_DECODER);
    }

    /**
     * The peer raised its stream limit after we had used it all (the transport's STREAMS_AVAILABLE): WebTransport
     * sessions retry the streams they could not open. Our own HTTP/3 streams are opened once at the start, under the
     * three unidirectional streams every peer must allow.
     */
    public void onStreamsAvailable(boolean bidirectional) {
        if (!closed && webTransport != null) webTransport.onStreamsAvailable(bidirectional);
    }

    /** The connection closed: every open exchange is aborted. */
    public void onConnectionClosed() {
        closed = true;
        if (webTransport != null) webTransport.onConnectionClosed();
        for (H3Exchange x : new ArrayList<>(requests.values())) x.peerAborted(H3Error.REQUEST_CANCELLED);
        requests.clear();
    }

    /** Once per loop turn: pushes pending control bytes and lets exchanges that wait for space write. */
    public void service() {
        if (closed) return;
        start();
        flushOwnStreams();
        snapshot.clear();
        snapshot.addAll(requests.values());
        for (int i = 0; i < snapshot.size(); i++) snapshot.get(i).notifyWritable();
        if (webTransport != null) webTransport.service();
    }

    /**
     * An HTTP Datagram (RFC 9297) arrived in a QUIC DATAGRAM frame: a quarter stream ID, then the payload, handed to
     * the WebTransport session of that request stream (dropped when there is none).
     */
    public void onDatagram(byte[] b, int off, int len) {
        if (closed) return;
        if (local.get(Settings.H3_DATAGRAM, 0) != 1) {
            fail(WebTransportErrors.H3_DATAGRAM_ERROR, "an HTTP Datagram, but we did not enable them");
            return;
        }
        if (len == 0 || VarInts.lengthAt(b, off) > len) {
            fail(WebTransportErrors.H3_DATAGRAM_ERROR, "an HTTP Datagram without a whole quarter stream ID");
            return;
        }
        int n = VarInts.lengthAt(b, off);
        long quarter = b[off] & 0x3f;
        for (int i = 1; i < n; i++) quarter = (quarter << 8) | (b[off + i] & 0xff);
        if (quarter >= 1L << 60) {
            fail(WebTransportErrors.H3_DATAGRAM_ERROR, "quarter stream ID " + quarter + " is out of range");
            return;
        }
        if (webTransport != null) webTransport.onDatagram(quarter << 2, b, off + n, len - n);
    }

    /** A stream whose header names a WebTransport session goes to that session (or is held, or refused). */
    private void adoptWebTransportStream(long id, long sessionId, boolean bidi) throws H3Exception {
        if (bidi) requests.remove(id);
        else peerUni.remove(id);
        if ((sessionId & 0x3) != 0) {
            throw new H3Exception(H3Error.ID_ERROR, "WebTransport session ID " + sessionId
                    + " is not a client-initiated bidirectional stream");
        }
        H3Exchange connect = requests.get(sessionId);
        boolean mayStillCome = sessionId > lastRequestId || (connect != null && !connect.isAborted());
        webTransport.adoptPeerStream(id, sessionId, mayStillCome);
    }

    /**
     * Starts a graceful shutdown (RFC 9114 §5.2): GOAWAY names the first request stream not processed; the peer
     * opens no more requests and those in progress complete.
     */
    public void goaway() {
        if (closed || goawayId != Long.MAX_VALUE) return;
        goawayId = lastRequestId + 4;
        if (webTransport != null) webTransport.drainAll();
        int n = VarInt.write(frameHeader, 0, FrameType.GOAWAY);
        n = VarInt.write(frameHeader, n, VarInt.length(goawayId));
        n = VarInt.write(frameHeader, n, goawayId);
        control.pending.writeBytes(frameHeader, 0, n);
        flushOwnStreams();
    }

    /** Closes the connection with an HTTP/3 error code. */
    public void fail(long errorCode, String reason) {
        if (closed) return;
        io.closeConnection(errorCode, reason);
        onConnectionClosed();
    }

    /** Application code must not take the connection down: a failing handler costs only its own request. */
    private void dispatch(H3Exchange x) {
        if (x.streamId() >= goawayId) {
            x.abort(H3Error.REQUEST_REJECTED);
            return;
        }
        try {
            handler.onRequest(x);
        } catch (RuntimeException e) {
            x.abort(H3Error.INTERNAL_ERROR);
        }
    }

    void release(H3Exchange x) {
        requests.remove(x.streamId());
        if (webTransport != null) webTransport.onRequestGone(x.streamId());
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

    // ------------------------------------------------------------------------------------------------ peer streams

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
                throw new H3Exception(H3Error.STREAM_CREATION_ERROR, "a client opened a push stream");
            } else if (u.type == StreamType.WEBTRANSPORT_UNI && webTransport != null) {
                u.sessionReader = new VarIntReader();
            } else {
                // unknown (or not yet served, like WebTransport) stream types are ignored (RFC 9114 §6.2)
                io.stopSending(id, H3Error.STREAM_CREATION_ERROR);
                u.discard = true;
            }
        }
        if (u.sessionReader != null) {
            int r = u.sessionReader.read(io, id);
            if (r == VarIntReader.MORE) return;
            if (r == VarIntReader.END) {
                peerUni.remove(id);
                return;
            }
            adoptWebTransportStream(id, u.sessionReader.value, false);
            return;
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

    private void retryBlocked() throws QpackException {
        snapshot.clear();
        snapshot.addAll(requests.values());
        for (int i = 0; i < snapshot.size(); i++) {
            H3Exchange x = snapshot.get(i);
            if (!x.isBlocked()) continue;
            if (!x.hasHeaders()) {
                if (x.decodeBlock(false)) dispatch(x);
            } else {
                x.notifyReadable();
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
        if (t == FrameType.DATA || t == FrameType.HEADERS || t == FrameType.PUSH_PROMISE || FrameType.isReservedHttp2(t)
                || (t == FrameType.SETTINGS && u.settingsSeen)) {
            throw new H3Exception(H3Error.FRAME_UNEXPECTED, "frame type 0x" + Long.toHexString(t) + " on the control stream");
        }
        u.inFrame = true;
        u.frameType = t;
        u.remaining = u.frame.length;
        boolean known = t == FrameType.SETTINGS || t == FrameType.GOAWAY || t == FrameType.MAX_PUSH_ID
                || t == FrameType.CANCEL_PUSH;
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
        if (u.frameType == FrameType.GOAWAY) {
            // from a client, the ID is a push ID; we never push, so only its monotonicity matters
            if (peerGoawayId >= 0 && value > peerGoawayId) {
                throw new H3Exception(H3Error.ID_ERROR, "GOAWAY ID grew from " + peerGoawayId + " to " + value);
            }
            peerGoawayId = value;
        }
        // MAX_PUSH_ID and CANCEL_PUSH: we never push, so there is nothing to do
    }
}
