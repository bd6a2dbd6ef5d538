package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.transport.Connection;

import java.util.function.LongSupplier;

/**
 * {@link QuicStreams} over a real QUIC {@link Connection}; the clock gives the time a close needs. Not final: the
 * client's {@link ClientConnectionStreams} is the same adapter under the interface that promises bidirectional streams.
 */
public class ConnectionStreams implements QuicStreams {
    private final Connection connection;
    private final LongSupplier nanoClock;

    public ConnectionStreams(Connection connection, LongSupplier nanoClock) {
        this.connection = connection;
        this.nanoClock = nanoClock;
    }

    @Override
    public long openUniStream() {
        return connection.openStream(false);
    }

    @Override
    public long openBidiStream() {
        return connection.openStream(true);
    }

    @Override
    public boolean sendDatagram(byte[] b, int off, int len) {
        return connection.sendDatagram(b, off, len);
    }

    @Override
    public int maxDatagramPayload() {
        return connection.maxDatagramPayload();
    }

    @Override
    public int read(long streamId, byte[] b, int off, int len) {
        return connection.read(streamId, b, off, len);
    }

    @Override
    public int write(long streamId, byte[] b, int off, int len) {
        return connection.write(streamId, b, off, len);
    }

    @Override
    public void finish(long streamId) {
        connection.finish(streamId);
    }

    @Override
    public void resetStream(long streamId, long errorCode) {
        connection.resetStream(streamId, errorCode);
    }

    @Override
    public void stopSending(long streamId, long errorCode) {
        connection.stopSending(streamId, errorCode);
    }

    @Override
    public void closeConnection(long errorCode, String reason) {
        connection.close(nanoClock.getAsLong(), errorCode, reason);
    }
}
