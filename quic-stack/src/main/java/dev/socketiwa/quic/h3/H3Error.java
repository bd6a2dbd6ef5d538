package dev.socketiwa.quic.h3;

/** HTTP/3 error codes (RFC 9114 §8.1) and the QPACK ones (RFC 9204 §6). */
public final class H3Error {
    public static final long NO_ERROR = 0x100;
    public static final long GENERAL_PROTOCOL_ERROR = 0x101;
    public static final long INTERNAL_ERROR = 0x102;
    public static final long STREAM_CREATION_ERROR = 0x103;
    public static final long CLOSED_CRITICAL_STREAM = 0x104;
    public static final long FRAME_UNEXPECTED = 0x105;
    public static final long FRAME_ERROR = 0x106;
    public static final long EXCESSIVE_LOAD = 0x107;
    public static final long ID_ERROR = 0x108;
    public static final long SETTINGS_ERROR = 0x109;
    public static final long MISSING_SETTINGS = 0x10a;
    public static final long REQUEST_REJECTED = 0x10b;
    public static final long REQUEST_CANCELLED = 0x10c;
    public static final long REQUEST_INCOMPLETE = 0x10d;
    public static final long MESSAGE_ERROR = 0x10e;
    public static final long CONNECT_ERROR = 0x10f;
    public static final long VERSION_FALLBACK = 0x110;
    public static final long QPACK_DECOMPRESSION_FAILED = 0x200;
    public static final long QPACK_ENCODER_STREAM_ERROR = 0x201;
    public static final long QPACK_DECODER_STREAM_ERROR = 0x202;

    private static final String[] NAMES = {"H3_NO_ERROR", "H3_GENERAL_PROTOCOL_ERROR", "H3_INTERNAL_ERROR",
        "H3_STREAM_CREATION_ERROR", "H3_CLOSED_CRITICAL_STREAM", "H3_FRAME_UNEXPECTED", "H3_FRAME_ERROR",
        "H3_EXCESSIVE_LOAD", "H3_ID_ERROR", "H3_SETTINGS_ERROR", "H3_MISSING_SETTINGS", "H3_REQUEST_REJECTED",
        "H3_REQUEST_CANCELLED", "H3_REQUEST_INCOMPLETE", "H3_MESSAGE_ERROR", "H3_CONNECT_ERROR", "H3_VERSION_FALLBACK"};

    private H3Error() {
    }

    /** Reserved codes 0x1f * N + 0x21 (RFC 9114 §8.1) carry no meaning and are treated like H3_NO_ERROR's unknowns. */
    public static boolean isGrease(long code) {
        return code >= 0x21 && (code - 0x21) % 0x1f == 0;
    }

    public static String name(long code) {
        if (code >= NO_ERROR && code <= VERSION_FALLBACK) return NAMES[(int) (code - NO_ERROR)];
        if (code == QPACK_DECOMPRESSION_FAILED) return "QPACK_DECOMPRESSION_FAILED";
        if (code == QPACK_ENCODER_STREAM_ERROR) return "QPACK_ENCODER_STREAM_ERROR";
        if (code == QPACK_DECODER_STREAM_ERROR) return "QPACK_DECODER_STREAM_ERROR";
        return "0x" + Long.toHexString(code);
    }
}
