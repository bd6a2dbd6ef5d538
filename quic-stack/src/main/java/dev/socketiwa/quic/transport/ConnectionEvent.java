package dev.socketiwa.quic.transport;

/** Something the application should know about; taken with Connection.pollEvent(). */
public final class ConnectionEvent {
    public enum Kind {
        HANDSHAKE_COMPLETE,
        /** The peer opened a stream (streamId). */
        STREAM_OPENED,
        /** Bytes or the end of stream can be read (streamId). */
        STREAM_READABLE,
        /** Flow control or buffer space opened up (streamId). */
        STREAM_WRITABLE,
        /** The peer reset its sending side (streamId, errorCode). */
        STREAM_RESET,
        /** The peer asked us to stop sending (streamId, errorCode). */
        STOP_SENDING,
        /** A DATAGRAM frame arrived (data). */
        DATAGRAM,
        /** 0-RTT was accepted: on the server, stream events may now come before HANDSHAKE_COMPLETE. */
        EARLY_DATA_ACCEPTED,
        /** Offered 0-RTT was rejected (the client resends its early stream data at 1-RTT by itself). */
        EARLY_DATA_REJECTED,
        /** Client: the server issued a session ticket (data: SessionTicket.toBytes()). */
        SESSION_TICKET,
        /**
         * The peer raised its stream limit after we had used it all (streamId: the next stream {@code openStream} of
         * that direction would give, so {@code (streamId & 2) != 0} means unidirectional): retry a refused open now.
         */
        STREAMS_AVAILABLE,
        /** The connection is closed (errorCode, application, reason); no more events follow. */
        CLOSED
    }

    public final Kind kind;
    public final long streamId;
    public final long errorCode;
    public final boolean application;
    public final String reason;
    public final byte[] data;
    /** For CLOSED: the peer closed (CONNECTION_CLOSE received) rather than us or a timer. */
    public boolean byPeer;

    ConnectionEvent(Kind kind, long streamId, long errorCode, boolean application, String reason, byte[] data) {
        this.kind = kind;
        this.streamId = streamId;
        this.errorCode = errorCode;
        this.application = application;
        this.reason = reason;
        this.data = data;
    }

    static ConnectionEvent closed(long error, boolean application, String reason, boolean byPeer) {
        ConnectionEvent e = new ConnectionEvent(Kind.CLOSED, -1, error, application, reason, null);
        e.byPeer = byPeer;
        return e;
    }

    static ConnectionEvent of(Kind kind, long streamId) {
        return new ConnectionEvent(kind, streamId, 0, false, null, null);
    }

    @Override
    public String toString() {
        return kind + (streamId >= 0 ? " stream " + streamId : "") + (kind == Kind.CLOSED || kind == Kind.STREAM_RESET
                || kind == Kind.STOP_SENDING ? " error " + TransportError.name(errorCode) + (reason != null ? " " + reason : "") : "");
    }
}
