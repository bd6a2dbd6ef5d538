package dev.socketiwa.quic.h3.webtransport;

/**
 * What an application does with WebTransport sessions at one path; called on the connection's single thread. One
 * handler serves every session of its route: keep per-session state with {@link WebTransportSession#attach}.
 * Every callback is optional.
 */
public interface WebTransportHandler {
    /** The session is established (the 200 went out); datagrams and streams may follow at once. */
    default void onSession(WebTransportSession session) {
    }

    /** One datagram's payload; valid only during the call (copy what you keep). */
    default void onDatagram(WebTransportSession session, byte[] data, int off, int len) {
    }

    /** The peer opened a stream (bidirectional, or unidirectional towards us): set a listener to read and write it. */
    default void onStream(WebTransportSession session, WebTransportStream stream) {
    }

    /**
     * The peer raised its stream limit after {@link WebTransportSession#openUniStream} or {@code openBidiStream} was
     * refused (returned null) for lack of it: open what waited now. {@code bidirectional} names the direction freed.
     */
    default void onStreamsAvailable(WebTransportSession session, boolean bidirectional) {
    }

    /** The peer asked for a graceful end (DRAIN_WEBTRANSPORT_SESSION): finish what is under way, then close. */
    default void onDrain(WebTransportSession session) {
    }

    /**
     * The session ended, once: with the peer's CLOSE_WEBTRANSPORT_SESSION code and reason, with ours after
     * {@link WebTransportSession#close}, or with code 0 and an empty reason when it ended without a capsule (the
     * CONNECT stream finished or was reset, or the connection closed). Its streams are reset by then.
     */
    default void onClose(WebTransportSession session, long code, String reason) {
    }
}
