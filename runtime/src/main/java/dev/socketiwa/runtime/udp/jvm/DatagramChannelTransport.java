package dev.socketiwa.runtime.udp.jvm;

import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.UdpException;
import dev.socketiwa.runtime.udp.UdpTransport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * The JVM home of {@link UdpTransport}: a non-blocking {@link DatagramChannel} with a selector for timeouts and send
 * backpressure. JVM only (java.nio.channels and java.net are not in the wasm build).
 *
 * <p>Socket buffers: the OS default receive buffer (about 208 KiB on Linux) drops most of a burst while the handler is
 * busy, and the browser shim asks Chromium for 4 MiB, so at bind we ask the OS for {@link #DEFAULT_BUFFER_BYTES} too
 * (or the {@value #BUFFER_BYTES_PROPERTY} system property). The OS may grant less (Linux caps at net.core.rmem_max /
 * wmem_max) and that is not an error: {@link #receiveBufferBytes()} and {@link #sendBufferBytes()} say what it granted.
 */
public final class DatagramChannelTransport implements UdpTransport {
    /** What we ask for SO_RCVBUF and SO_SNDBUF unless told otherwise: the same 4 MiB the browser shim asks Chromium for. */
    public static final int DEFAULT_BUFFER_BYTES = 4 * 1024 * 1024;
    /** System property overriding {@link #DEFAULT_BUFFER_BYTES}; 0 keeps the OS defaults. */
    public static final String BUFFER_BYTES_PROPERTY = "socketiwa.udp.bufferBytes";

    private final DatagramChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final UdpEndpoint local;
    private final int requestedBufferBytes;
    private final int receiveBufferBytes;
    private final int sendBufferBytes;

    private byte[] wrappedArray;
    private ByteBuffer wrapped;
    private SocketAddress lastSource;
    private UdpEndpoint lastSender;
    private UdpEndpoint lastTarget;
    private InetSocketAddress lastTargetAddress;
    private boolean closed;

    private DatagramChannelTransport(DatagramChannel channel, Selector selector, int requestedBufferBytes) throws IOException {
        this.channel = channel;
        this.selector = selector;
        this.key = channel.register(selector, 0);
        this.local = toEndpoint((InetSocketAddress) channel.getLocalAddress());
        this.requestedBufferBytes = requestedBufferBytes;
        this.receiveBufferBytes = channel.getOption(StandardSocketOptions.SO_RCVBUF);
        this.sendBufferBytes = channel.getOption(StandardSocketOptions.SO_SNDBUF);
    }

    /**
     * Binds a UDP socket on {@code at} (port 0 picks a free port; see {@link #localEndpoint()}), asking for socket
     * buffers of {@value #BUFFER_BYTES_PROPERTY} bytes if that system property is set, else {@link #DEFAULT_BUFFER_BYTES}.
     */
    public static DatagramChannelTransport bind(UdpEndpoint at) {
        return bind(at, configuredBufferBytes());
    }

    /**
     * Binds a UDP socket on {@code at}, asking the OS for receive and send buffers of {@code bufferBytes} each
     * (0 keeps the OS defaults). The OS may grant a different size; see {@link #receiveBufferBytes()}.
     */
    public static DatagramChannelTransport bind(UdpEndpoint at, int bufferBytes) {
        if (bufferBytes < 0) {
            throw new UdpException("UDP socket buffer size must be 0 (OS default) or a positive number of bytes, not " + bufferBytes);
        }
        DatagramChannel channel = null;
        try {
            InetAddress address = InetAddress.getByAddress(at.address());
            channel = DatagramChannel.open(at.isIpv6() ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            channel.configureBlocking(false);
            if (bufferBytes > 0) {
                // Before bind, so the receive queue is already large when the first burst arrives.
                request(channel, StandardSocketOptions.SO_RCVBUF, bufferBytes);
                request(channel, StandardSocketOptions.SO_SNDBUF, bufferBytes);
            }
            channel.bind(new InetSocketAddress(address, at.port()));
            return new DatagramChannelTransport(channel, Selector.open(), bufferBytes);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UdpException("cannot bind UDP " + at + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int receive(byte[] buf, int off, int maxLen, long timeoutMillis) {
        ByteBuffer bb = wrap(buf, off, maxLen);
        try {
            SocketAddress from = channel.receive(bb);
            if (from == null && timeoutMillis != 0) {
                long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : 0;
                while (from == null) {
                    long wait = 0;
                    if (timeoutMillis > 0) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            break;
                        }
                        wait = Math.max(1, left / 1_000_000L);
                    }
                    awaitReady(SelectionKey.OP_READ, wait);
                    from = channel.receive(bb);
                }
            }
            if (from == null) {
                return -1;
            }
            if (!from.equals(lastSource)) {
                lastSource = from;
                lastSender = toEndpoint((InetSocketAddress) from);
            }
            return bb.position() - off;
        } catch (ClosedChannelException e) {
            throw new UdpException("UDP socket " + local + " is closed", e);
        } catch (IOException e) {
            throw new UdpException("UDP receive on " + local + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public UdpEndpoint sender() {
        return lastSender;
    }

    @Override
    public void send(byte[] buf, int off, int len, UdpEndpoint to) {
        if (to != lastTarget) {
            try {
                lastTargetAddress = new InetSocketAddress(InetAddress.getByAddress(to.address()), to.port());
            } catch (IOException e) {
                throw new UdpException("bad destination " + to, e);
            }
            lastTarget = to;
        }
        ByteBuffer bb = wrap(buf, off, len);
        try {
            // A non-blocking send returns 0 when the kernel buffer is full: wait for room instead of dropping. An empty
            // datagram also "sends 0 bytes" when it did go out, so only a datagram still unsent may be retried: looping
            // on it would flood the peer with empty datagrams (an amplification a single empty packet could trigger).
            while (channel.send(bb, lastTargetAddress) == 0 && bb.hasRemaining()) {
                awaitReady(SelectionKey.OP_WRITE, 0);
            }
        } catch (ClosedChannelException e) {
            throw new UdpException("UDP socket " + local + " is closed", e);
        } catch (IOException e) {
            throw new UdpException("UDP send of " + len + " bytes to " + to + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public UdpEndpoint localEndpoint() {
        return local;
    }

    /** The buffer size asked of the OS at bind (0: none asked, OS defaults kept). */
    public int requestedBufferBytes() {
        return requestedBufferBytes;
    }

    /**
     * SO_RCVBUF as the OS reported it after bind. Linux caps the grant at net.core.rmem_max, so 4 MiB asked reads
     * rmem_max when that is lower (the JDK already undoes Linux's doubling of the figure).
     */
    public int receiveBufferBytes() {
        return receiveBufferBytes;
    }

    /** SO_SNDBUF as the OS reported it after bind (Linux caps it at net.core.wmem_max). */
    public int sendBufferBytes() {
        return sendBufferBytes;
    }

    /** The size {@link #bind(UdpEndpoint)} asks for: {@value #BUFFER_BYTES_PROPERTY} if set, else the default. */
    public static int configuredBufferBytes() {
        return parseBufferBytes(System.getProperty(BUFFER_BYTES_PROPERTY));
    }

    static int parseBufferBytes(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_BUFFER_BYTES;
        }
        try {
            int bytes = Integer.parseInt(value.trim());
            if (bytes >= 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below with the fix
        }
        throw new UdpException("-D" + BUFFER_BYTES_PROPERTY + "=" + value + " is not a buffer size: give a whole number of"
                + " bytes such as " + DEFAULT_BUFFER_BYTES + " (0 keeps the OS defaults), or remove it to use "
                + DEFAULT_BUFFER_BYTES + ".");
    }

    /** A refusal is not fatal: the socket still works with the OS default, and the getters report what it has. */
    private static void request(DatagramChannel channel, SocketOption<Integer> option, int bytes) {
        try {
            channel.setOption(option, bytes);
        } catch (IOException | UnsupportedOperationException e) {
            // keep the OS default size
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly(selector);
            closeQuietly(channel);
        }
    }

    private void awaitReady(int ops, long timeoutMillis) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        try {
            key.interestOps(ops);
            selector.select(timeoutMillis);
            if (key.isValid()) {
                key.interestOps(0);
            }
            selector.selectedKeys().clear();
        } catch (CancelledKeyException | ClosedSelectorException e) {
            // close() from another thread (e.g. Ctrl-C) while we waited
            throw new ClosedChannelException();
        }
    }

    /** Reuses one ByteBuffer per caller array, so the hot path does not allocate a wrapper per datagram. */
    private ByteBuffer wrap(byte[] buf, int off, int len) {
        if (buf != wrappedArray) {
            wrappedArray = buf;
            wrapped = ByteBuffer.wrap(buf);
        }
        wrapped.limit(off + len).position(off);
        return wrapped;
    }

    private static UdpEndpoint toEndpoint(InetSocketAddress a) {
        return UdpEndpoint.of(a.getAddress().getAddress(), a.getPort());
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing: nothing useful to do with a second failure
            }
        }
    }
}
