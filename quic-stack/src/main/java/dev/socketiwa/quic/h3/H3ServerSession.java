package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.h3.webtransport.WebTransportErrors;
import dev.socketiwa.quic.h3.webtransport.WebTransportSessions;
import dev.socketiwa.quic.h3.qpack.QpackException;
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
public final class H3ServerSession extends H3Connection {
    private final Settings local;
    private final H3RequestHandler handler;
    private final Map<Long, H3Exchange> requests = new HashMap<>();
    private final List<H3Exchange> snapshot = new ArrayList<>();
    /** Highest client bidirectional stream ID accepted so far, for GOAWAY. */
    private long lastRequestId = -4;
    /** Once GOAWAY went out, requests on this stream ID or above are refused. */
    private long goawayId = Long.MAX_VALUE;
    private long peerGoawayId = -1;
    /** The WebTransport sessions and their streams; null when our SETTINGS do not offer WebTransport. */
    private final WebTransportSessions webTransport;

    public H3ServerSession(QuicStreams io, Settings local, H3RequestHandler handler) {
        super(io, local, true);
        this.local = local;
        this.handler = handler;
        long maxSessions = webTransportMaxSessions(local);
        this.webTransport = maxSessions > 0 ? new WebTransportSessions(io, maxSessions) : null;
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
        readStream(id);
    }

    @Override
    void readOtherStream(long id) throws H3Exception, QpackException {
        if (webTransport != null && webTransport.owns(id)) {
            webTransport.onReadable(id);
            return;
        }
        H3Exchange x = requests.get(id);
        if (x == null) {
            readPeerUniOrDrain(id);
        } else if (!x.hasHeaders()) {
            if (x.readHeaders()) dispatch(x);
            else if (x.webTransportSessionId() >= 0) adoptWebTransportStream(id, x.webTransportSessionId(), true);
        } else {
            x.notifyReadable();
        }
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
        if (isCriticalStream(id)) {
            fail(H3Error.CLOSED_CRITICAL_STREAM, "critical stream " + id + " was reset or stopped");
            return;
        }
        H3Exchange x = requests.get(id);
        if (x != null) x.peerAborted(H3Error.REQUEST_CANCELLED);
        peerUni.remove(id);
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
    @Override
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

    // ------------------------------------------------------------------------------------------------ peer streams

    @Override
    boolean acceptUniStream(long id, PeerUniStream u) throws H3Exception {
        if (u.type == StreamType.PUSH) throw new H3Exception(H3Error.STREAM_CREATION_ERROR, "a client opened a push stream");
        if (u.type == StreamType.WEBTRANSPORT_UNI && webTransport != null) {
            u.sessionReader = new VarIntReader();
            return true;
        }
        return false;
    }

    @Override
    boolean readExtensionUni(long id, PeerUniStream u) throws H3Exception {
        if (u.sessionReader == null) return false;
        int r = u.sessionReader.read(io, id);
        if (r == VarIntReader.MORE) return true;
        if (r == VarIntReader.END) {
            peerUni.remove(id);
            return true;
        }
        adoptWebTransportStream(id, u.sessionReader.value, false);
        return true;
    }

    @Override
    void retryBlocked() throws QpackException {
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

    @Override
    void onControlValue(long frameType, long value) throws H3Exception {
        if (frameType == FrameType.GOAWAY) {
            // from a client, the ID is a push ID; we never push, so only its monotonicity matters
            if (peerGoawayId >= 0 && value > peerGoawayId) {
                throw new H3Exception(H3Error.ID_ERROR, "GOAWAY ID grew from " + peerGoawayId + " to " + value);
            }
            peerGoawayId = value;
        }
        // MAX_PUSH_ID and CANCEL_PUSH: we never push, so there is nothing to do
    }
}
