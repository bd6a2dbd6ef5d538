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
}
