package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.packet.ConnectionId;

/** Lets the endpoint route packets to a connection by every connection ID it issued. */
public interface ConnectionIdListener {
    void issued(Connection connection, ConnectionId cid);

    void retired(Connection connection, ConnectionId cid);
}
