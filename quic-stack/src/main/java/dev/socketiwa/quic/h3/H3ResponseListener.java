package dev.socketiwa.quic.h3;

/** Callbacks of one client request; all optional. Called on the connection's single thread. */
public interface H3ResponseListener {
    /** The final (non-1xx) response headers arrived; informational responses are skipped. */
    default void onResponse(H3ClientRequest request) {
    }

    /** Response body bytes (or the end of the response) can be read with {@link H3ClientRequest#read}. */
    default void onReadable(H3ClientRequest request) {
    }

    /** The request body can take more bytes after a write accepted less than offered. */
    default void onWritable(H3ClientRequest request) {
    }

    /**
     * The exchange ended abnormally: the server reset it, refused it (H3_REQUEST_REJECTED, e.g. beyond a GOAWAY), the
     * response was malformed (H3_MESSAGE_ERROR), or the connection closed. Nothing more can be sent or read.
     */
    default void onAbort(H3ClientRequest request, long errorCode) {
    }
}
