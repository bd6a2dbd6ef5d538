package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.transport.Connection;

import java.util.function.LongSupplier;

/** {@link ClientQuicStreams} over a real QUIC {@link Connection} (the client side of {@link ConnectionStreams}). */
public final class ClientConnectionStreams implements ClientQuicStreams {
    private final Connection connection;
    private final ConnectionStreams streams;

    public ClientConnectionStreams(Connection connection, LongSupplier nanoClock) {
        this.connection = connection;
        this.streams = new ConnectionStreams(connection, nanoClock);
    }

    @Override
    public long openBidiStream() {
        return connection.openStream(true);
    }

    @Override
    public long openUniStream() {
        return streams.openUniStream();
    }

    @Override
    public int read(long streamId, byte[] b, int off, int len) {
        return streams.read(streamId, b, off, len);
    }

    @Override
    public int write(long streamId, byte[] b, int off, int len) {
        return streams.write(streamId, b, off, len);
    }

    @Override
    public void finish(long streamId) {
        streams.finish(streamId);
    }

    @Override
    public void resetStream(long streamId, long errorCode) {
        streams.resetStream(streamId, errorCode);
    }

    @Override
    public void stopSending(long streamId, long errorCode) {
        streams.stopSending(streamId, errorCode);
    }

    @Override
    public void closeConnection(long errorCode, String reason) {
        streams.closeConnection(errorCode, reason);
    }
}
