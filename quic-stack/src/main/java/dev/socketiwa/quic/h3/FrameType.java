package dev.socketiwa.quic.h3;

/** HTTP/3 frame types (RFC 9114 §7.2). Unknown types, including the reserved 0x1f * N + 0x21, are skipped. */
public final class FrameType {
    public static final long DATA = 0x00;
    public static final long HEADERS = 0x01;
    public static final long CANCEL_PUSH = 0x03;
    public static final long SETTINGS = 0x04;
    public static final long PUSH_PROMISE = 0x05;
    public static final long GOAWAY = 0x07;
    public static final long MAX_PUSH_ID = 0x0d;
    /** WebTransport's bidirectional stream signal: only valid as the first bytes of a stream, then the session ID. */
    public static final long WEBTRANSPORT_STREAM = 0x41;

    private FrameType() {
    }

    /** HTTP/2 frame types with no HTTP/3 meaning: receiving one is H3_FRAME_UNEXPECTED (RFC 9114 §7.2.8). */
    public static boolean isReservedHttp2(long type) {
        return type == 0x02 || type == 0x06 || type == 0x08 || type == 0x09;
    }
}
