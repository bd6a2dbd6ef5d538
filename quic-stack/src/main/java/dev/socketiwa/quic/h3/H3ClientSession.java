package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.qpack.QpackException;

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
public final class H3ClientSession extends H3Connection {
    private final Map<Long, H3ClientRequest> requests = new HashMap<>();
    private final List<H3ClientRequest> snapshot = new ArrayList<>();
    private long closeCode = -1;
    /** The server's GOAWAY: the first request stream it will not process; Long.MAX_VALUE until one arrives. */
    private long peerGoawayId = Long.MAX_VALUE;

    public H3ClientSession(ClientQuicStreams io, Settings local) {
        super(io, local, false);
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
        readStream(id);
    }

    @Override
    void readOtherStream(long id) throws H3Exception, QpackException {
        H3ClientRequest r = requests.get(id);
        if (r == null) {
            readPeerUniOrDrain(id);
        } else if (!r.hasResponse()) {
            if (r.readHead()) r.notifyResponse();
        } else {
            r.notifyReadable();
        }
    }

    public void onWritable(long id) {
        H3ClientRequest r = requests.get(id);
        if (r != null) r.notifyWritable();
    }

    /** The server reset its sending side of a stream. */
    public void onStreamReset(long id, long errorCode) {
        if (closed) return;
        if (isCriticalStream(id)) {
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
        if (isCriticalStream(id)) {
            fail(H3Error.CLOSED_CRITICAL_STREAM, "critical stream " + id + " was stopped");
            return;
        }
        H3ClientRequest r = requests.get(id);
        if (r != null) r.stopSendingReceived(errorCode);
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
    @Override
    public void fail(long errorCode, String reason) {
        if (closed) return;
        closeCode = errorCode;
        io.closeConnection(errorCode, reason);
        onConnectionClosed(errorCode);
    }

    // ------------------------------------------------------------------------------------------------ server streams

    @Override
    boolean acceptUniStream(long id, PeerUniStream u) throws H3Exception {
        if (u.type == StreamType.PUSH) {
            throw new H3Exception(H3Error.ID_ERROR, "a push stream although we sent no MAX_PUSH_ID");
        }
        return false;
    }

    @Override
    boolean readExtensionUni(long id, PeerUniStream u) {
        return false;
    }

    @Override
    void retryBlocked() throws H3Exception, QpackException {
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

    @Override
    void onControlValue(long frameType, long value) throws H3Exception {
        if (frameType == FrameType.CANCEL_PUSH) {
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
