package dev.socketiwa.runtime.quic;

import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;

/**
 * What an application does on one QUIC connection, chosen by the negotiated ALPN. Called on the loop's single thread;
 * it writes with the connection's methods (write, finish, sendDatagram, ...).
 */
public interface QuicHandler {
    /**
     * Every event of the connection after the handshake (streams, datagrams, close). When the server accepted 0-RTT
     * the handler starts earlier, with EARLY_DATA_ACCEPTED, and sees HANDSHAKE_COMPLETE later: streams opened in
     * between ({@link Connection#isEarlyDataStream}) may be replays, so a request that must not run twice waits for it.
     */
    void onEvent(Connection connection, ConnectionEvent event);

    /** Called once per loop turn: a chance to push data that did not fit before (flow control, buffers). */
    default void service(Connection connection) {
    }

    /** The server is stopping: start a graceful end (e.g. HTTP/3 GOAWAY); the connection is closed after a grace period. */
    default void onShutdown(Connection connection) {
    }

    /** Whether nothing is under way that a stopping server should wait for. */
    default boolean isIdle(Connection connection) {
        return true;
    }

    /** The application error code of a graceful close (HTTP/3: H3_NO_ERROR). */
    default long noErrorCode() {
        return 0;
    }
}
