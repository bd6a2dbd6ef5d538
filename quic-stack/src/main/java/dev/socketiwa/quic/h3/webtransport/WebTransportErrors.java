package dev.socketiwa.quic.h3.webtransport;

/**
 * WebTransport error codes (draft-ietf-webtrans-http3): the session-level HTTP/3 codes, and the mapping of 32-bit
 * application error codes into the HTTP/3 code space that stream resets and STOP_SENDING carry. The mapping skips
 * the reserved grease codes 0x1f * N + 0x21 that fall inside the range.
 */
public final class WebTransportErrors {
    /** A stream arrived for a session that does not exist (any more) or beyond the buffering limit. */
    public static final long BUFFERED_STREAM_REJECTED = 0x3994bd84L;
    /** The stream's session is gone: its streams are reset and stopped with this code. */
    public static final long SESSION_GONE = 0x170d7b68L;
    /** RFC 9297: a malformed HTTP Datagram, or one the peer was not allowed to send. */
    public static final long H3_DATAGRAM_ERROR = 0x33;
    public static final long FIRST = 0x52e4a40fa8dbL;
    public static final long LAST = 0x52e5ac983162L;
    /** Largest application error code (they are 32-bit). */
    public static final long MAX_APPLICATION_CODE = 0xffffffffL;

    private WebTransportErrors() {
    }

    /** The HTTP/3 error code for an application error code (0..2^32-1; larger values are clamped). */
    public static long toHttp3(long applicationCode) {
        long n = Math.max(0, Math.min(MAX_APPLICATION_CODE, applicationCode));
        return FIRST + n + n / 0x1e;
    }

    /** The application error code an HTTP/3 error code carries, or -1 when it is outside the range or a grease code. */
    public static long fromHttp3(long http3Code) {
        if (http3Code < FIRST || http3Code > LAST || (http3Code - 0x21) % 0x1f == 0) return -1;
        long shifted = http3Code - FIRST;
        return shifted - shifted / 0x1f;
    }
}
