package dev.socketiwa.quic.h3;

/** Unidirectional stream types (RFC 9114 §6.2, RFC 9204 §4.2); unknown types are read and discarded. */
public final class StreamType {
    public static final long CONTROL = 0x00;
    public static final long PUSH = 0x01;
    public static final long QPACK_ENCODER = 0x02;
    public static final long QPACK_DECODER = 0x03;
    /** WebTransport unidirectional stream (draft-ietf-webtrans-http3): the session ID, then the stream's data. */
    public static final long WEBTRANSPORT_UNI = 0x54;

    private StreamType() {
    }
}
