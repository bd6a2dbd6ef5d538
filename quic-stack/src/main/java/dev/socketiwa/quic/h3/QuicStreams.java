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

    /** Closes the whole connection with an HTTP/3 error code. */
    void closeConnection(long errorCode, String reason);
}
