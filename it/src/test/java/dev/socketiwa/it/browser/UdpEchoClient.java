package dev.socketiwa.it.browser;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * Drives a UDP echo server and checks every answer byte for byte. Datagram i has size {@code 1 + i % maxSize} and
 * content derived from i, so even 1-byte datagrams are recognised without a header: with fewer than maxSize datagrams
 * outstanding each size is unique in flight, and beyond that the content tells same-sized ones apart. Nothing is ever
 * resent.
 */
public final class UdpEchoClient implements AutoCloseable {
    public static final int MAX_IPV4_PAYLOAD = 1472; // 1500-byte MTU minus IPv4 and UDP headers

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final int maxSize;
    private final byte[] receiveBuffer = new byte[65536];
    private final Map<Integer, ArrayDeque<Integer>> outstandingBySize = new HashMap<>();
    private int outstanding;

    public UdpEchoClient(InetSocketAddress server, int maxSize) throws IOException {
        this.server = server;
        this.maxSize = maxSize;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setReceiveBufferSize(8 << 20);
        socket.setSendBufferSize(8 << 20);
    }

    /** What one run saw. {@code missing} lists (up to 20 of) the sequence numbers that never came back. */
    public record Result(int sent, int echoed, int stray, Duration elapsed, TreeSet<Integer> missing) {
        public int lost() {
            return sent - echoed;
        }

        public double perSecond() {
            return echoed / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }

        @Override
        public String toString() {
            return String.format("sent %d, echoed %d, lost %d, stray %d in %d ms (%.0f datagrams/s)%s", sent, echoed,
                    lost(), stray, elapsed.toMillis(), perSecond(), missing.isEmpty() ? "" : ", first missing " + missing);
        }
    }

    /**
     * Sends {@code count} datagrams keeping at most {@code window} unanswered, and waits for each answer. Stops early
     * when no answer arrives for {@code quiet}: the result then shows which ones were lost.
     */
    public Result echoWindowed(int count, int window, Duration quiet) throws IOException {
        reset();
        long start = System.nanoTime();
        int next = 0;
        int echoed = 0;
        int stray = 0;
        socket.setSoTimeout((int) quiet.toMillis());
        while (echoed < count) {
            while (next < count && outstanding < window) {
                send(next++);
            }
            DatagramPacket packet = new DatagramPacket(receiveBuffer, receiveBuffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                break;
            }
            if (match(packet)) {
                echoed++;
            } else {
                stray++;
            }
        }
        return new Result(next, echoed, stray, Duration.ofNanos(System.nanoTime() - start), missing());
    }

    /** Sends {@code count} datagrams back to back, then collects answers until none came for {@code quiet}. */
    public Result echoBurst(int count, Duration quiet) throws IOException {
        reset();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            send(i);
        }
        int echoed = 0;
        int stray = 0;
        socket.setSoTimeout((int) quiet.toMillis());
        long lastAnswer = System.nanoTime();
        while (echoed < count) {
            DatagramPacket packet = new DatagramPacket(receiveBuffer, receiveBuffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                break;
            }
            lastAnswer = System.nanoTime();
            if (match(packet)) {
                echoed++;
            } else {
                stray++;
            }
        }
        return new Result(count, echoed, stray, Duration.ofNanos(lastAnswer - start), missing());
    }

    private void reset() {
        outstandingBySize.clear();
        outstanding = 0;
    }

    private void send(int seq) throws IOException {
        byte[] data = content(seq);
        socket.send(new DatagramPacket(data, data.length, server));
        outstandingBySize.computeIfAbsent(data.length, k -> new ArrayDeque<>()).addLast(seq);
        outstanding++;
    }

    private boolean match(DatagramPacket packet) {
        if (!server.equals(packet.getSocketAddress())) {
            return false;
        }
        ArrayDeque<Integer> candidates = outstandingBySize.get(packet.getLength());
        if (candidates == null) {
            return false;
        }
        byte[] got = Arrays.copyOf(packet.getData(), packet.getLength());
        for (Iterator<Integer> it = candidates.iterator(); it.hasNext(); ) {
            int seq = it.next();
            if (Arrays.equals(got, content(seq))) {
                it.remove();
                outstanding--;
                return true;
            }
        }
        return false;
    }

    private TreeSet<Integer> missing() {
        TreeSet<Integer> missing = new TreeSet<>();
        for (ArrayDeque<Integer> seqs : outstandingBySize.values()) {
            for (int seq : seqs) {
                missing.add(seq);
                if (missing.size() > 20) {
                    missing.pollLast();
                }
            }
        }
        return missing;
    }

    /** Datagram {@code seq}: size 1 + seq % maxSize, bytes from a xorshift generator seeded by seq. */
    byte[] content(int seq) {
        byte[] data = new byte[1 + seq % maxSize];
        int x = seq * 0x9E3779B9 + 0x7F4A7C15;
        for (int i = 0; i < data.length; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            data[i] = (byte) x;
        }
        return data;
    }

    @Override
    public void close() {
        socket.close();
    }
}
