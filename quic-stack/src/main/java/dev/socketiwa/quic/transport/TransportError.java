package dev.socketiwa.quic.transport;

/** QUIC transport error codes (RFC 9000 §20.1). TLS alerts map to CRYPTO_ERROR_BASE + alert. */
public final class TransportError {
    public static final long NO_ERROR = 0x00;
    public static final long INTERNAL_ERROR = 0x01;
    public static final long CONNECTION_REFUSED = 0x02;
    public static final long FLOW_CONTROL_ERROR = 0x03;
    public static final long STREAM_LIMIT_ERROR = 0x04;
    public static final long STREAM_STATE_ERROR = 0x05;
    public static final long FINAL_SIZE_ERROR = 0x06;
    public static final long FRAME_ENCODING_ERROR = 0x07;
    public static final long TRANSPORT_PARAMETER_ERROR = 0x08;
    public static final long CONNECTION_ID_LIMIT_ERROR = 0x09;
    public static final long PROTOCOL_VIOLATION = 0x0a;
    public static final long INVALID_TOKEN = 0x0b;
    public static final long APPLICATION_ERROR = 0x0c;
    public static final long CRYPTO_BUFFER_EXCEEDED = 0x0d;
    public static final long KEY_UPDATE_ERROR = 0x0e;
    public static final long AEAD_LIMIT_REACHED = 0x0f;
    public static final long NO_VIABLE_PATH = 0x10;
    public static final long CRYPTO_ERROR_BASE = 0x0100;

    private TransportError() {
    }

    public static String name(long code) {
        if (code >= CRYPTO_ERROR_BASE && code < CRYPTO_ERROR_BASE + 0x100) {
            return "CRYPTO_ERROR(alert " + (code - CRYPTO_ERROR_BASE) + ")";
        }
        switch ((int) code) {
            case 0x00: return "NO_ERROR";
            case 0x01: return "INTERNAL_ERROR";
            case 0x02: return "CONNECTION_REFUSED";
            case 0x03: return "FLOW_CONTROL_ERROR";
            case 0x04: return "STREAM_LIMIT_ERROR";
            case 0x05: return "STREAM_STATE_ERROR";
            case 0x06: return "FINAL_SIZE_ERROR";
            case 0x07: return "FRAME_ENCODING_ERROR";
            case 0x08: return "TRANSPORT_PARAMETER_ERROR";
            case 0x09: return "CONNECTION_ID_LIMIT_ERROR";
            case 0x0a: return "PROTOCOL_VIOLATION";
            case 0x0b: return "INVALID_TOKEN";
            case 0x0c: return "APPLICATION_ERROR";
            case 0x0d: return "CRYPTO_BUFFER_EXCEEDED";
            case 0x0e: return "KEY_UPDATE_ERROR";
            case 0x0f: return "AEAD_LIMIT_REACHED";
            case 0x10: return "NO_VIABLE_PATH";
            default: return "0x" + Long.toHexString(code);
        }
    }
}
