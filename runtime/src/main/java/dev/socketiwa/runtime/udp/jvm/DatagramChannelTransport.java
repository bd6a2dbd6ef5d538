package dev.socketiwa.runtime.udp.jvm;

import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.UdpException;
import dev.socketiwa.runtime.udp.UdpTransport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
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
 */
public final class DatagramChannelTransport implements UdpTransport {
    private final DatagramChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final UdpEndpoint local;

    private byte[] wrappedArray;
    private ByteBuffer wrapped;
    private SocketAddress lastSource;
    private UdpEndpoint lastSender;
    private UdpEndpoint lastTarget;
    private InetSocketAddress lastTargetAddress;
    private boolean closed;

    private DatagramChannelTransport(DatagramChannel channel, Selector selector) throws IOException {
        this.channel = channel;
        this.selector = selector;
        this.key = channel.register(selector, 0);
        this.local = toEndpoint((InetSocketAddress) channel.getLocalAddress());
    }

    /** Binds a UDP socket on {@code at} (port 0 picks a free port; see {@link #localEndpoint()}). */
    public static DatagramChannelTransport bind(UdpEndpoint at) {
        DatagramChannel channel = null;
        try {
            InetAddress address = InetAddress.getByAddress(at.address());
            channel = DatagramChannel.open(at.isIpv6() ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            channel.configureBlocking(false);
            channel.bind(new InetSocketAddress(address, at.port()));
            return new DatagramChannelTransport(channel, Selector.open());
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
