package dev.socketiwa.runtime.udp;

/**
 * A bound UDP socket with blocking-style calls, the same on the JVM (java.nio) and in the browser (Direct Sockets through
 * JSPI). One thread (the app's loop) uses it; nothing here is thread-safe.
 *
 * <p>Hot-path calls allocate nothing per datagram: the caller owns the byte arrays, and {@link #sender()} returns a cached
 * endpoint while datagrams keep coming from the same peer.
 */
public interface UdpTransport extends AutoCloseable {

    /** {@code timeoutMillis} value that waits until a datagram arrives. */
    long WAIT_FOREVER = -1;

    /**
     * Takes the next datagram into {@code buf[off, off + maxLen)}, waiting at most {@code timeoutMillis} (0: do not wait,
     * negative: wait until one arrives). A datagram longer than {@code maxLen} is truncated, as with a kernel socket.
     *
     * @return its length (0 is a valid empty datagram), or -1 on timeout; after a datagram, {@link #sender()} names its source
     * @throws UdpException when the socket is closed or failed
     */
    int receive(byte[] buf, int off, int maxLen, long timeoutMillis);

    /** The source of the datagram the last successful {@link #receive} returned; null before the first one. */
    UdpEndpoint sender();

    /**
     * Sends one datagram. Blocks (suspends, in the browser) while the socket's send queue is full rather than dropping.
     *
     * @throws UdpException when the socket is closed or the datagram is refused (e.g. too large)
     */
    void send(byte[] buf, int off, int len, UdpEndpoint to);

    /** The address and port this socket is bound to (the real port when 0 was asked for). */
    UdpEndpoint localEndpoint();

    /** Closes the socket; later calls throw {@link UdpException}. Idempotent. */
    @Override
    void close();
}
