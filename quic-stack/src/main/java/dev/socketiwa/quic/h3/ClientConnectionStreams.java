package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.transport.Connection;

import java.util.function.LongSupplier;

/**
 * {@link ClientQuicStreams} over a real QUIC {@link Connection}: {@link ConnectionStreams} already opens
 * bidirectional streams, so the client side only names the interface that requires them.
 */
public final class ClientConnectionStreams extends ConnectionStreams implements ClientQuicStreams {
    public ClientConnectionStreams(Connection connection, LongSupplier nanoClock) {
        super(connection, nanoClock);
    }
}
