package dev.socketiwa.quic.h3.qpack;

/**
 * A field section larger than our SETTINGS_MAX_FIELD_SECTION_SIZE: a malformed message for that stream only
 * (RFC 9114 §4.2.2), not a QPACK failure of the connection.
 */
public final class FieldSectionTooLargeException extends QpackException {
    /** H3_MESSAGE_ERROR. */
    public static final long MESSAGE_ERROR = 0x10e;

    public FieldSectionTooLargeException(long size, long limit) {
        super(MESSAGE_ERROR, "field section of " + size + " bytes exceeds the limit of " + limit);
    }
}
