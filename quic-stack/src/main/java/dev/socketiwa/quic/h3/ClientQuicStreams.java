package dev.socketiwa.quic.h3;

/** What an HTTP/3 client needs beyond {@link QuicStreams}: opening its request streams. */
public interface ClientQuicStreams extends QuicStreams {
    /** A new locally initiated bidirectional stream, or -1 when the peer's limit does not allow one yet. */
    long openBidiStream();
}
