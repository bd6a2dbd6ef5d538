package dev.socketiwa.quic.h3.webtransport;

import dev.socketiwa.quic.h3.H3Exchange;
import dev.socketiwa.quic.h3.QuicStreams;
import dev.socketiwa.quic.h3.qpack.HeaderField;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The WebTransport sessions of one HTTP/3 connection and the streams tied to them. The HTTP/3 session hands over
 * each stream once its header named a session ID, and each HTTP Datagram by quarter stream ID. Streams that name a
 * session whose CONNECT has not been processed yet are held (a few, unread) until it is; streams for a session that
 * is gone or never was are refused with WEBTRANSPORT_BUFFERED_STREAM_REJECTED; datagrams for them are dropped.
 */
public final class WebTransportSessions {
    /** Bidirectional stream signal value (the first varint on the stream, then the session ID). */
    public static final long BIDI_SIGNAL = 0x41;
    /** Unidirectional stream type. */
    public static final long UNI_TYPE = 0x54;
    /** Streams held at most for sessions not established yet. */
    public static final int MAX_BUFFERED_STREAMS = 16;

    private final QuicStreams io;
    private final long maxSessions;
    private final Map<Long, WebTransportSession> sessions = new HashMap<>();
    private final Map<Long, WebTransportStream> streams = new HashMap<>();
    /** Stream ID to the session ID it named, for streams held until their session exists. */
    private final Map<Long, Long> buffered = new HashMap<>();
    private final List<WebTransportStream> snapshot = new ArrayList<>();
    private final List<WebTransportSession> sessionSnapshot = new ArrayList<>();
    private final byte[] readBuffer = new byte[4096];
    private byte[] datagramBuffer = new byte[1500];

    public WebTransportSessions(QuicStreams io, long maxSessions) {
        this.io = io;
        this.maxSessions = Math.max(1, maxSessions);
    }

    /** Sessions open now. */
    public int activeSessions() {
        return sessions.size();
    }

    /**
     * Accepts an extended CONNECT with {@code :protocol = webtransport}: answers 200 and starts the session, or
     * answers 429 and returns null when the connection already has as many sessions as we advertised.
     */
    public WebTransportSession accept(H3Exchange connect, WebTransportHandler handler) {
        if (!"webtransport".equals(connect.protocol())) {
            throw new IllegalArgumentException("stream " + connect.streamId() + " is not a WebTransport CONNECT");
        }
        if (sessions.size() >= maxSessions) {
            connect.respond(429, List.of());
            connect.finish();
            return null;
        }
        WebTransportSession s = new WebTransportSession(this, io, connect, handler);
        sessions.put(s.id(), s);
        // Chromium's draft-02 client names its draft in a request field; answering in kind is what its peers do
        List<HeaderField> headers = connect.header("sec-webtransport-http3-draft02") != null
                ? List.of(new HeaderField("sec-webtransport-http3-draft", "draft02")) : List.of();
        s.start(headers);
        guard(s, () -> handler.onSession(s));
        if (!buffered.isEmpty() && !s.isClosed()) {
            List<Long> mine = new ArrayList<>();
            for (Map.Entry<Long, Long> e : buffered.entrySet()) {
                if (e.getValue() == s.id()) mine.add(e.getKey());
            }
            for (int i = 0; i < mine.size(); i++) {
                buffered.remove(mine.get(i));
                adopt(s, mine.get(i));
            }
        }
        return s;
    }

    /** Whether the stream belongs to WebTransport (a session's, or held for one). */
    public boolean owns(long streamId) {
        return streams.containsKey(streamId) || buffered.containsKey(streamId);
    }

    /**
     * A peer stream whose header named a session. {@code sessionMayStillCome}: that session's CONNECT was not
     * processed yet (so the stream is held rather than refused).
     */
    public void adoptPeerStream(long streamId, long sessionId, boolean sessionMayStillCome) {
        WebTransportSession s = sessions.get(sessionId);
        if (s != null) {
            adopt(s, streamId);
        } else if (sessionMayStillCome && buffered.size() < MAX_BUFFERED_STREAMS) {
            buffered.put(streamId, sessionId);
        } else {
            refuse(streamId);
        }
    }

    private void adopt(WebTransportSession s, long streamId) {
        WebTransportStream stream = new WebTransportStream(s, io, streamId, false, null);
        s.adopt(stream);
        guard(s, () -> s.handler().onStream(s, stream));
        if (!s.isClosed()) guard(s, stream::notifyReadable);
    }

    private void refuse(long streamId) {
        if ((streamId & 0x2) == 0) io.resetStream(streamId, WebTransportErrors.BUFFERED_STREAM_REJECTED);
        io.stopSending(streamId, WebTransportErrors.BUFFERED_STREAM_REJECTED);
    }

    /** A request stream ended without (or after) being a session: streams held for it are refused. */
    public void onRequestGone(long requestStreamId) {
        if (buffered.isEmpty() || sessions.containsKey(requestStreamId)) return;
        List<Long> orphans = new ArrayList<>();
        for (Map.Entry<Long, Long> e : buffered.entrySet()) {
            if (e.getValue() == requestStreamId) orphans.add(e.getKey());
        }
        for (int i = 0; i < orphans.size(); i++) {
            buffered.remove(orphans.get(i));
            refuse(orphans.get(i));
        }
    }

    public void onReadable(long streamId) {
        WebTransportStream s = streams.get(streamId);
        if (s == null) return; // held streams stay unread until their session exists
        try {
            s.notifyReadable();
        } catch (RuntimeException e) {
            s.session().failInternal();
        }
    }

    public void onWritable(long streamId) {
        WebTransportStream s = streams.get(streamId);
        if (s != null) notifyWritable(s);
    }

    private static void notifyWritable(WebTransportStream s) {
        try {
            s.notifyWritable();
        } catch (RuntimeException e) {
            s.session().failInternal();
        }
    }

    public void onStreamReset(long streamId, long http3Code) {
        WebTransportStream s = streams.get(streamId);
        if (s != null) {
            guard(s.session(), () -> s.onPeerReset(http3Code));
        } else if (buffered.remove(streamId) != null) {
            refuse(streamId);
        }
    }

    public void onStopSending(long streamId, long http3Code) {
        WebTransportStream s = streams.get(streamId);
        if (s != null) {
            guard(s.session(), () -> s.onPeerStopSending(http3Code));
        } else if (buffered.remove(streamId) != null) {
            refuse(streamId);
        }
    }

    /** The peer allows more streams of a direction: every open session may retry what it could not open. */
    public void onStreamsAvailable(boolean bidirectional) {
        List<WebTransportSession> open = new ArrayList<>(sessions.values());
        for (int i = 0; i < open.size(); i++) {
            WebTransportSession s = open.get(i);
            if (!s.isClosed()) guard(s, () -> s.handler().onStreamsAvailable(s, bidirectional));
        }
    }

    /** An HTTP Datagram (RFC 9297) for a session; dropped when no such session is open. */
    public void onDatagram(long sessionId, byte[] b, int off, int len) {
        WebTransportSession s = sessions.get(sessionId);
        if (s != null && !s.isClosed()) deliverDatagram(s, b, off, len);
    }

    void deliverDatagram(WebTransportSession s, byte[] b, int off, int len) {
        try {
            s.handler().onDatagram(s, b, off, len); // no lambda: this runs per datagram
        } catch (RuntimeException e) {
            s.failInternal();
        }
    }

    /** Once per loop turn: pending capsules, stream headers and FINs go out; refused writers hear they may retry. */
    public void service() {
        if (sessions.isEmpty()) return;
        sessionSnapshot.clear();
        sessionSnapshot.addAll(sessions.values());
        for (int i = 0; i < sessionSnapshot.size(); i++) sessionSnapshot.get(i).service();
        snapshot.clear();
        for (WebTransportStream s : streams.values()) {
            if (s.wantsService()) snapshot.add(s);
        }
        for (int i = 0; i < snapshot.size(); i++) notifyWritable(snapshot.get(i));
    }

    /** Graceful shutdown: every session is asked to drain. */
    public void drainAll() {
        sessionSnapshot.clear();
        sessionSnapshot.addAll(sessions.values());
        for (int i = 0; i < sessionSnapshot.size(); i++) sessionSnapshot.get(i).drain();
    }

    /** The connection closed: every session ends (code 0) and nothing more is sent. */
    public void onConnectionClosed() {
        sessionSnapshot.clear();
        sessionSnapshot.addAll(sessions.values());
        for (int i = 0; i < sessionSnapshot.size(); i++) sessionSnapshot.get(i).connectionClosed();
        buffered.clear();
    }

    // ------------------------------------------------------------------------------------------------ internals

    void register(WebTransportStream s) {
        streams.put(s.id(), s);
    }

    void unregister(WebTransportStream s) {
        streams.remove(s.id());
    }

    void ended(WebTransportSession s) {
        sessions.remove(s.id());
        onRequestGone(s.id());
    }

    byte[] readBuffer() {
        return readBuffer;
    }

    byte[] datagramBuffer(int size) {
        if (datagramBuffer.length < size) datagramBuffer = new byte[size];
        return datagramBuffer;
    }

    /** Application code must not take the connection down: a throwing handler costs only its session. */
    void guard(WebTransportSession s, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            s.failInternal();
        }
    }
}
