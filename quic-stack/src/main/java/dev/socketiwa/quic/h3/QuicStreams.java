package dev.socketiwa.quic.h3;

/**
 * The stream operations HTTP/3 needs from a QUIC connection, with the same contracts as
 * {@link dev.socketiwa.quic.transport.Connection}'s methods. An interface so the session can be driven in memory.
 */
public interface QuicStreams {
    /** A new locally initiated unidirectional stream, or -1 when the peer's limit does not allow one yet. */
    long openUniStream();

    /** Bytes read in order; 0 when none are ready; -1 at the end of the stream (or after a reset). */
    int read(long streamId, byte[] b, int off, int len);

    /** How many bytes were queued (0 when the send buffer is full), or -1 when the stream cannot send any more. */
    int write(long streamId, byte[] b, int off, int len);

    void finish(long streamId);

    void resetStream(long streamId, long errorCode);

    void stopSending(long streamId, long errorCode);

    /**
     * A new locally initiated bidirectional stream (WebTransport opens them from the server too), or -1 when the
     * peer's limit does not allow one yet or the implementation has none.
     */
    default long openBidiStream() {
        return -1;
    }

    /**
     * Queues one QUIC DATAGRAM frame (RFC 9221) carrying these bytes; false when datagrams are not negotiated, the
     * payload is too large, or the queue is full (datagrams are unreliable: the caller may simply drop it).
     */
    default boolean sendDatagram(byte[] b, int off, int len) {
        return false;
    }

    /** Largest DATAGRAM payload that can be sent now; 0 when datagrams are not negotiated. */
    default int maxDatagramPayload() {
        return 0;
    }

    /** Closes the whole connection with an HTTP/3 error code. */
    void closeConnection(long errorCode, String reason);
}
