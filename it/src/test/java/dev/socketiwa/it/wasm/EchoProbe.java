package dev.socketiwa.it.wasm;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Random;

/**
 * Drives a UDP echo server from the host: lockstep round trips checked byte for byte, and bursts sent without waiting
 * whose replies are counted (losses reported, not hidden). Reusable for any echo target (JVM, Node, Chromium).
 */
public final class EchoProbe implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress target;
    private final Random random = new Random(1234);

    public EchoProbe(InetSocketAddress target) throws IOException {
        this.target = target;
        this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        this.socket.setReceiveBufferSize(4 << 20);
        this.socket.setSoTimeout(3000);
    }

    /**
     * Sends {@code count} datagrams one at a time, sizes cycling through 1..{@code maxSize}, and checks each echo.
     *
     * @throws AssertionError naming the first datagram that came back wrong or not at all
     */
    public void lockstep(int count, int maxSize) throws IOException {
        byte[] in = new byte[65536];
        DatagramPacket reply = new DatagramPacket(in, in.length);
        for (int i = 0; i < count; i++) {
            int size = 1 + i % maxSize;
            byte[] out = new byte[size];
            random.nextBytes(out);
            socket.send(new DatagramPacket(out, size, target));
            reply.setData(in);
            try {
                socket.receive(reply);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no echo for datagram #" + i + " (" + size + " bytes) within 3 s", e);
            }
            if (reply.getLength() != size || !Arrays.equals(out, 0, size, in, 0, size)) {
                throw new AssertionError("datagram #" + i + " (" + size + " bytes) came back as " + reply.getLength()
                        + " different bytes");
            }
        }
    }

    /** Lockstep round trips of {@code size}-byte datagrams for about {@code millis}; returns echoes per second. */
    public double lockstepRate(int size, long millis) throws IOException {
        byte[] out = new byte[size];
        byte[] in = new byte[65536];
        DatagramPacket packet = new DatagramPacket(out, size, target);
        DatagramPacket reply = new DatagramPacket(in, in.length);
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        int n = 0;
        while (System.nanoTime() < end) {
            socket.send(packet);
            reply.setData(in);
            socket.receive(reply);
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Sends {@code count} datagrams of {@code size} bytes without waiting, then collects echoes until none arrives for
     * {@code quietMillis}. Every echo that arrives is checked against its sequence number.
     */
    public BurstResult burst(int count, int size, long quietMillis) throws IOException {
        byte[] out = new byte[Math.max(size, 4)];
        boolean[] seen = new boolean[count];
        byte[] in = new byte[65536];
        DatagramPacket reply = new DatagramPacket(in, in.length);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            out[0] = (byte) (i >> 24);
            out[1] = (byte) (i >> 16);
            out[2] = (byte) (i >> 8);
            out[3] = (byte) i;
            socket.send(new DatagramPacket(out, out.length, target));
        }
        int got = 0;
        int corrupt = 0;
        socket.setSoTimeout((int) quietMillis);
        long lastReply = start;
        try {
            while (got < count) {
                reply.setData(in);
                try {
                    socket.receive(reply);
                } catch (SocketTimeoutException e) {
                    break;
                }
                lastReply = System.nanoTime();
                int seq = ((in[0] & 0xff) << 24) | ((in[1] & 0xff) << 16) | ((in[2] & 0xff) << 8) | (in[3] & 0xff);
                if (reply.getLength() != out.length || seq < 0 || seq >= count || seen[seq]) {
                    corrupt++;
                } else {
                    seen[seq] = true;
                    got++;
                }
            }
        } finally {
            socket.setSoTimeout(3000);
        }
        return new BurstResult(count, got, corrupt, (lastReply - start) / 1e9);
    }

    @Override
    public void close() {
        socket.close();
    }

    public record BurstResult(int sent, int echoed, int corrupt, double seconds) {
        public int lost() {
            return sent - echoed;
        }

        @Override
        public String toString() {
            return String.format("burst: sent %d, echoed %d, lost %d (%.1f%%), corrupt %d, %.0f echoes/s", sent, echoed, lost(),
                    100.0 * lost() / sent, corrupt, echoed / Math.max(seconds, 1e-9));
        }
    }
}
