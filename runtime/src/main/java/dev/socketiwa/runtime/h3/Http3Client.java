package dev.socketiwa.runtime.h3;

import dev.socketiwa.quic.h3.ClientConnectionStreams;
import dev.socketiwa.quic.h3.H3ClientRequest;
import dev.socketiwa.quic.h3.H3ClientSession;
import dev.socketiwa.quic.h3.H3Error;
import dev.socketiwa.quic.h3.H3ResponseListener;
import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import dev.socketiwa.runtime.quic.QuicClient;
import dev.socketiwa.runtime.udp.UdpEndpoint;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * An HTTP/3 client on one QUIC connection made by a {@link QuicClient}. The API is event-driven: {@link #request}
 * returns at once and the listener hears about the response; {@link #runUntil} moves packets on the caller's thread
 * (the same loop runs in the browser, where the socket suspends instead of blocking). {@link #fetch} is the
 * convenience for tests and tools: one whole request and response.
 */
public final class Http3Client {
    private final QuicClient quic;
    private final Connection connection;
    private final H3ClientSession session;
    private final String authority;
    private ConnectionEvent closeEvent;

    private Http3Client(QuicClient quic, Connection connection, String authority) {
        this.quic = quic;
        this.connection = connection;
        this.authority = authority;
        this.session = new H3ClientSession(new ClientConnectionStreams(connection, System::nanoTime));
    }

    /** Starts the handshake; the ALPN list of tls must offer {@code h3}. Wait with {@link #awaitReady}. */
    public static Http3Client connect(QuicClient quic, UdpEndpoint server, TlsClientConfig tls) {
        if (!tls.alpn().contains(Http3Handler.ALPN)) {
            throw new IllegalArgumentException("the TLS config must offer ALPN h3, it offers " + tls.alpn());
        }
        Connection c = quic.connect(server, tls);
        return new Http3Client(quic, c, tls.serverName() + ":" + server.port());
    }

    public H3ClientSession session() {
        return session;
    }

    public Connection connection() {
        return connection;
    }

    /** The :authority requests carry: the TLS server name and the port. */
    public String authority() {
        return authority;
    }

    /** The connection's CLOSED event, or null while it is open. */
    public ConnectionEvent closeEvent() {
        return closeEvent;
    }

    /** Runs until done() holds, the connection closed, or timeoutMillis passed; returns done(). */
    public boolean runUntil(BooleanSupplier done, long timeoutMillis) {
        return quic.runUntil(connection, () -> done.getAsBoolean() || closeEvent != null, timeoutMillis, this::onEvent,
                session::service) && done.getAsBoolean();
    }

    /** Runs until the handshake is done and the server's SETTINGS arrived (or the timeout); returns whether both did. */
    public boolean awaitReady(long timeoutMillis) {
        return runUntil(() -> connection.isHandshakeComplete() && session.peerSettings() != null, timeoutMillis);
    }

    private void onEvent(ConnectionEvent e) {
        switch (e.kind) {
            case STREAM_OPENED:
                session.onStreamOpened(e.streamId);
                break;
            case STREAM_READABLE:
                session.onReadable(e.streamId);
                break;
            case STREAM_WRITABLE:
                session.onWritable(e.streamId);
                break;
            case STREAM_RESET:
                session.onStreamReset(e.streamId, e.errorCode);
                break;
            case STOP_SENDING:
                session.onStopSending(e.streamId, e.errorCode);
                break;
            case CLOSED:
                closeEvent = e;
                session.onConnectionClosed(e.errorCode);
                break;
            default:
                break;
        }
    }

    /** Opens a request (see {@link H3ClientSession#request}); null when none can start now. */
    public H3ClientRequest request(List<HeaderField> headers, H3ResponseListener listener) {
        return session.request(headers, listener);
    }

    /**
     * Convenience: sends one request (body may be null) and collects the whole response, driving the connection
     * meanwhile. Throws {@link Http3Exception} when no response came (reset, closed, refused, timeout).
     */
    public Http3Response fetch(String method, String path, byte[] body, long timeoutMillis, HeaderField... extra) {
        if (!awaitReady(timeoutMillis)) throw new Http3Exception("not connected: " + describeState(), -1);
        Http3Response.Collector c = new Http3Response.Collector(body);
        H3ClientRequest r = session.request(H3ClientSession.requestHeaders(method, authority, path, extra), c);
        if (r == null) {
            throw new Http3Exception("no request could start: " + (session.peerGoawayId() >= 0 ? "GOAWAY" : describeState()),
                    H3Error.REQUEST_REJECTED);
        }
        c.start(r);
        if (!runUntil(c::done, timeoutMillis)) {
            if (!c.done()) r.abort(H3Error.REQUEST_CANCELLED);
            throw new Http3Exception(method + " " + path + " got no complete response in " + timeoutMillis + " ms: "
                    + describeState(), -1);
        }
        if (r.isAborted()) {
            throw new Http3Exception(method + " " + path + " aborted with " + H3Error.name(r.abortCode()), r.abortCode());
        }
        return c.response(r);
    }

    private String describeState() {
        return connection.state() + (closeEvent != null ? " " + closeEvent : "");
    }

    /** Closes the connection with H3_NO_ERROR and waits (at most timeoutMillis) until it is closed. */
    public void close(long timeoutMillis) {
        session.fail(H3Error.NO_ERROR, "");
        quic.runUntil(connection, connection::isClosed, timeoutMillis, this::onEvent, null);
    }
}
