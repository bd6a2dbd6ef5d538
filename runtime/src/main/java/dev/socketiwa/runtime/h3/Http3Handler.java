package dev.socketiwa.runtime.h3;

import dev.socketiwa.quic.h3.ConnectionStreams;
import dev.socketiwa.quic.h3.H3Error;
import dev.socketiwa.quic.h3.H3RequestHandler;
import dev.socketiwa.quic.h3.H3ServerSession;
import dev.socketiwa.quic.h3.Settings;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import dev.socketiwa.runtime.quic.QuicHandler;

/** ALPN {@code h3}: one HTTP/3 server session per connection, feeding requests to the application's handler. */
public final class Http3Handler implements QuicHandler {
    public static final String ALPN = "h3";

    private final H3RequestHandler requests;
    private final Settings settings;
    private H3ServerSession session;

    /** Default SETTINGS; WebTransport is left out when the handler is {@link Routes} without a WebTransport route. */
    public Http3Handler(H3RequestHandler requests) {
        this(requests, settingsFor(requests));
    }

    /** Browsers open WebTransport sessions only where SETTINGS offer them: offer none an app does not serve. */
    static Settings settingsFor(H3RequestHandler requests) {
        Settings s = H3ServerSession.defaultSettings();
        if (requests instanceof Routes && !((Routes) requests).servesWebTransport()) {
            s.values().remove(Settings.ENABLE_WEBTRANSPORT_DRAFT02);
            s.values().remove(Settings.WEBTRANSPORT_MAX_SESSIONS_DRAFT07);
            s.values().remove(Settings.WT_MAX_SESSIONS);
        }
        return s;
    }

    public Http3Handler(H3RequestHandler requests, Settings settings) {
        this.requests = requests;
        this.settings = settings;
    }

    /** The connection's session, or null before its first event. */
    public H3ServerSession session() {
        return session;
    }

    private H3ServerSession session(Connection c) {
        if (session == null) session = new H3ServerSession(new ConnectionStreams(c, System::nanoTime), settings, requests);
        return session;
    }

    @Override
    public void onEvent(Connection c, ConnectionEvent e) {
        H3ServerSession s = session(c);
        switch (e.kind) {
            case STREAM_OPENED:
                s.onStreamOpened(e.streamId);
                break;
            case STREAM_READABLE:
                s.onReadable(e.streamId);
                break;
            case STREAM_WRITABLE:
                s.onWritable(e.streamId);
                break;
            case STREAM_RESET:
                s.onStreamAborted(e.streamId, e.errorCode);
                break;
            case STOP_SENDING:
                s.onStopSending(e.streamId, e.errorCode);
                break;
            case DATAGRAM:
                s.onDatagram(e.data, 0, e.data.length);
                break;
            case STREAMS_AVAILABLE:
                s.onStreamsAvailable((e.streamId & 2) == 0);
                break;
            case CLOSED:
                s.onConnectionClosed();
                break;
            default:
                break;
        }
    }

    @Override
    public void service(Connection c) {
        session(c).service();
    }

    /** GOAWAY: the client opens no new requests; those under way finish (WebTransport sessions are asked to drain). */
    @Override
    public void onShutdown(Connection c) {
        session(c).goaway();
    }

    @Override
    public boolean isIdle(Connection c) {
        return session == null || session.activeRequests() == 0;
    }

    @Override
    public long noErrorCode() {
        return H3Error.NO_ERROR;
    }
}
