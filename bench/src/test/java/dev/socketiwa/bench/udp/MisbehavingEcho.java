package dev.socketiwa.bench.udp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/** A UDP echo that misbehaves on purpose, with exact counts, to check the tool's loss/duplicate/corrupt accounting. */
final class MisbehavingEcho implements AutoCloseable {
    enum Fault {
        /** Does not echo every k-th datagram (1-based). */
        DROP_EVERY_KTH,
        /** Echoes every datagram twice. */
        DUPLICATE_ALL,
        /** Flips one body byte of every k-th datagram. */
        CORRUPT_EVERY_KTH,
        /** Echoes every k-th datagram twice, once intact and once with a flipped byte, and drops the one after it. */
        MIXED
    }

    private final DatagramChannel channel;
    private final Thread thread;
    private final Fault fault;
    private final int k;
    volatile long received;

    MisbehavingEcho(Fault fault, int k) throws IOException {
        this.fault = fault;
        this.k = k;
        channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
        thread = new Thread(this::loop, "misbehaving-echo");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    private void loop() {
        ByteBuffer buf = ByteBuffer.allocate(65_536);
        long n = 0;
        long dropNext = -1;
        try {
            while (true) {
                buf.clear();
                SocketAddress from = channel.receive(buf);
                buf.flip();
                n++;
                received = n;
                boolean kth = n % k == 0;
                switch (fault) {
                    case DROP_EVERY_KTH:
                        if (!kth) {
                            channel.send(buf, from);
                        }
                        break;
                    case DUPLICATE_ALL:
                        channel.send(buf.duplicate(), from);
                        channel.send(buf, from);
                        break;
                    case CORRUPT_EVERY_KTH:
                        if (kth) {
                            buf.put(0, (byte) (buf.get(0) ^ 0x01));
                        }
                        channel.send(buf, from);
                        break;
                    case MIXED:
                        if (n == dropNext) {
                            break;
                        }
                        channel.send(buf.duplicate(), from);
                        if (kth) {
                            buf.put(0, (byte) (buf.get(0) ^ 0x01));
                            channel.send(buf, from);
                            dropNext = n + 1;
                        }
                        break;
                    default:
                        throw new AssertionError(fault);
                }
            }
        } catch (ClosedChannelException closed) {
            // test over
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        channel.close();
        thread.join(5_000);
    }
}
