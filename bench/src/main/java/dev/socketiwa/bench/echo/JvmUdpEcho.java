package dev.socketiwa.bench.echo;

import dev.socketiwa.bench.udp.LoopbackTarget;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * A plain java.nio UDP echo on loopback: every datagram goes back to its sender unchanged. It is the JVM reference the
 * load tool measures until examples/udp-echo runs with {@code socketiwa:run}, and the echo the tests run against.
 *
 * <p>Run standalone: {@code java -cp ... dev.socketiwa.bench.echo.JvmUdpEcho [port]} prints
 * {@code listening on 127.0.0.1:PORT} and echoes until killed.
 */
public final class JvmUdpEcho implements AutoCloseable {
    private final DatagramChannel channel;
    private final Thread thread;
    private volatile long echoed;

    private JvmUdpEcho(DatagramChannel channel) {
        this.channel = channel;
        this.thread = new Thread(this::loop, "jvm-udp-echo");
        this.thread.setDaemon(true);
    }

    /** Binds 127.0.0.1:{@code port} (0 for any free port) and starts echoing on a daemon thread. */
    public static JvmUdpEcho start(int port) throws IOException {
        return start(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port));
    }

    /** Binds a loopback address (127.0.0.0/8 or ::1) and starts echoing on a daemon thread. */
    public static JvmUdpEcho start(InetSocketAddress bind) throws IOException {
        LoopbackTarget.requireLoopback(bind);
        DatagramChannel ch = DatagramChannel.open(bind.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
            ch.bind(bind);
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot bind the echo to " + LoopbackTarget.format(bind) + ": " + e.getMessage(), e);
        }
        JvmUdpEcho echo = new JvmUdpEcho(ch);
        echo.thread.start();
        return echo;
    }

    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    public long echoed() {
        return echoed;
    }

    private void loop() {
        ByteBuffer buf = ByteBuffer.allocateDirect(65_536);
        long count = 0;
        while (true) {
            buf.clear();
            try {
                SocketAddress from = channel.receive(buf);
                buf.flip();
                channel.send(buf, from);
                echoed = ++count;
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                if (!channel.isOpen()) {
                    return;
                } // a vanished client (ICMP unreachable) must not stop the echo
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        if (args.length > 0) {
            try {
                port = Integer.parseInt(args[0]);
            } catch (NumberFormatException e) {
                System.err.println("usage: JvmUdpEcho [port]   (port '" + args[0] + "' is not a number)");
                System.exit(2);
            }
        }
        JvmUdpEcho echo = start(port);
        System.out.println("listening on " + LoopbackTarget.format(echo.address()));
        System.out.flush();
        Thread.currentThread().join(); // echo until killed
    }
}
