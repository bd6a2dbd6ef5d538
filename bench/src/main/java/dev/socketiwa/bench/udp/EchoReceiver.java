package dev.socketiwa.bench.udp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.HdrHistogram.Histogram;

/**
 * Reads echoes on its own thread so the receive side never slows the sender: it blocks in {@code read} while the sender
 * paces, and stops when the channel is closed. Everything it touches is preallocated; counts are read after
 * {@link Thread#join()}, except {@link #answeredSoFar()} which the sender polls while draining.
 */
final class EchoReceiver implements Runnable {
    private static final long MAX_RTT_NANOS = 60_000_000_000L;

    private final DatagramChannel channel;
    private final int runId;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(65_536);
    private final ProbeTrailer trailer = new ProbeTrailer();
    private final long[] seen;
    private final long capacity;
    final Histogram rttNanos = new Histogram(MAX_RTT_NANOS, 3);

    private volatile long answeredVisible;
    private volatile long receivedVisible;
    long answered;
    long duplicates;
    long corrupt;
    long foreignRun;
    long outOfRange;
    long tooShort;
    long receiveErrors;
    long received;
    long lastAnswerNanos;
    String firstError;

    EchoReceiver(DatagramChannel channel, int runId, long capacity) {
        this.channel = channel;
        this.runId = runId;
        this.capacity = capacity;
        this.seen = new long[(int) ((capacity + 63) >>> 6)];
    }

    long answeredSoFar() {
        return answeredVisible;
    }

    /** Every datagram read so far, matched or not: lets the drain wait for late duplicates and corrupt echoes. */
    long receivedSoFar() {
        return receivedVisible;
    }

    @Override
    public void run() {
        while (true) {
            buf.clear();
            int n;
            try {
                n = channel.read(buf);
            } catch (ClosedChannelException closed) { // includes AsynchronousCloseException: the run is over
                return;
            } catch (IOException e) { // e.g. ICMP port unreachable when nothing listens on the target
                if (!channel.isOpen()) {
                    return;
                }
                receiveErrors++;
                if (firstError == null) {
                    firstError = e.toString();
                }
                continue;
            }
            long now = System.nanoTime();
            account(n, now);
            receivedVisible = ++received;
        }
    }

    private void account(int n, long now) {
        switch (trailer.check(buf, n, runId)) {
            case TOO_SHORT:
                tooShort++;
                return;
            case CORRUPT:
                corrupt++;
                return;
            case FOREIGN_RUN:
                foreignRun++;
                return;
            default:
                break;
        }
        long seq = ProbeTrailer.seq(buf, n);
        if (seq < 0 || seq >= capacity) {
            outOfRange++;
            return;
        }
        int word = (int) (seq >>> 6);
        long bit = 1L << seq;
        if ((seen[word] & bit) != 0) {
            duplicates++;
            return;
        }
        seen[word] |= bit;
        long rtt = now - ProbeTrailer.sendNanos(buf, n);
        rttNanos.recordValue(Math.max(0, Math.min(rtt, MAX_RTT_NANOS)));
        lastAnswerNanos = now;
        answered++;
        answeredVisible = answered;
    }
}
