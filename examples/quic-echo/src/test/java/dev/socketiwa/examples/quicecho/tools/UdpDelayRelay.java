package dev.socketiwa.examples.quicecho.tools;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;

/**
 * A loopback UDP relay for one client that holds every datagram for a fixed delay in each direction: a stand-in for
 * a long path (50 ms each way = 100 ms RTT) when measuring handshakes. Test and bench tool; loopback only.
 */
public final class UdpDelayRelay implements AutoCloseable {
    private record Pending(long due, long seq, byte[] data, boolean toServer) {
    }

    private final DatagramChannel channel;
    private final InetSocketAddress server;
    private final long delayNanos;
    private final Selector selector;
    private final PriorityQueue<Pending> queue = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private final Thread thread;
    private volatile boolean stopped;
    private SocketAddress client;
    private long seq;

    /** Relays between the first client that writes to {@link #address()} and server, delayMillis each way. */
    public UdpDelayRelay(InetSocketAddress server, long delayMillis) throws IOException {
        if (!server.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the relay is for loopback measurements only, not " + server);
        }
        this.server = server;
        this.delayNanos = delayMillis * 1_000_000L;
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(server.getAddress(), 0));
        channel.configureBlocking(false);
        selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
        thread = new Thread(this::run, "udp-delay-relay");
        thread.setDaemon(true);
        thread.start();
    }

    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    private void run() {
        ByteBuffer buf = ByteBuffer.allocate(65536);
        try {
            while (!stopped) {
                long now = System.nanoTime();
                while (!queue.isEmpty() && queue.peek().due <= now) {
                    Pending p = queue.poll();
                    SocketAddress to = p.toServer ? server : client;
                    if (to != null) channel.send(ByteBuffer.wrap(p.data), to);
                }
                long waitMillis = queue.isEmpty() ? 50 : Math.max(1, (queue.peek().due - now) / 1_000_000L);
                selector.select(waitMillis);
                selector.selectedKeys().clear();
                SocketAddress from;
                while ((from = channel.receive(buf.clear())) != null) {
                    boolean fromServer = from.equals(server);
                    if (!fromServer) client = from;
                    byte[] data = new byte[buf.position()];
                    buf.flip().get(data);
                    queue.add(new Pending(System.nanoTime() + delayNanos, seq++, data, !fromServer));
                }
            }
        } catch (IOException e) {
            if (!stopped) System.err.println("udp-delay-relay: " + e);
        }
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        selector.wakeup();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        selector.close();
        channel.close();
    }
}
