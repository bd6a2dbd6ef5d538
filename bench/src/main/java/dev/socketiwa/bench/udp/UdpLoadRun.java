package dev.socketiwa.bench.udp;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one load mode against an echo server on loopback and reports what came back.
 *
 * <p>Pacing: the sender wakes every millisecond, asks the mode's {@link SendSchedule} how many datagrams are due by now
 * and sends the difference in one batch. It sleeps with {@code parkNanos} and busy-spins only the last 50 us before a
 * tick, so a noisy 2-core machine neither loses the rate (late ticks catch up from the clock) nor burns a core. A
 * separate {@link EchoReceiver} thread reads echoes, so receiving never holds back sending.
 */
public final class UdpLoadRun {
    private static final long TICK_NANOS = 1_000_000;
    private static final long SPIN_NANOS = 50_000;
    /**
     * After a stall, catch up at most 100 ms worth of datagrams per tick: short stalls (scheduler, GC) are made good at
     * once, while a sender that cannot keep the rate at all does not turn into one giant burst; the report then shows
     * fewer attempted than planned.
     */
    private static final long MAX_CATCH_UP_NANOS = 100_000_000;
    private static final int SOCKET_BUFFER = 4 << 20;
    /** Once all is answered, how long nothing may arrive before the run ends. */
    private static final long SETTLE_NANOS = 100_000_000;

    private final LoadConfig config;
    private final ByteBuffer out = ByteBuffer.allocateDirect((LoadConfig.MAX_SIZE + 7) & ~7); // whole longs of filler
    private final ProbeTrailer trailer = new ProbeTrailer();
    private final int runId;
    private DatagramChannel channel;
    private ChaosMix chaos;
    private long sent;
    private long untrackedSent;
    private long sendErrors;
    private long planned;
    private String firstSendError;

    private UdpLoadRun(LoadConfig config) {
        this.config = config;
        SplittableRandom rnd = new SplittableRandom(config.seed());
        this.runId = rnd.nextInt() ^ (int) System.nanoTime(); // differs per run even with the same seed
        for (int i = 0; i < out.capacity(); i += 8) {
            out.putLong(i, rnd.nextLong()); // random filler once; bodies are never rewritten per datagram
        }
    }

    public static LoadReport run(LoadConfig config) throws IOException {
        return new UdpLoadRun(config).execute();
    }

    private LoadReport execute() throws IOException {
        InetSocketAddress target = config.target();
        boolean v6 = target.getAddress() instanceof Inet6Address;
        channel = DatagramChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        EchoReceiver receiver;
        Thread receiverThread;
        StopReason stop;
        long sendStart;
        long sendEnd;
        try {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            InetAddress local = v6 ? InetAddress.getByName("::1") : InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            channel.bind(new InetSocketAddress(local, 0));
            channel.connect(target); // only the target's echoes are read
            receiver = new EchoReceiver(channel, runId, config.maxTracked());
            receiverThread = new Thread(receiver, "udp-load-receiver");
            receiverThread.setDaemon(true);
            receiverThread.start();

            sendStart = System.nanoTime();
            stop = config.mode() == LoadMode.BURST ? sendBurst(sendStart) : sendPaced(sendStart);
            sendEnd = System.nanoTime();
            drain(receiver);
        } finally {
            channel.close(); // wakes the receiver out of read()
        }
        try {
            receiverThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return report(receiver, stop, sendStart, sendEnd);
    }

    private StopReason sendBurst(long start) {
        long cap = config.durationNanos();
        int size = config.size();
        long count = config.count();
        planned = count;
        for (long attempts = 0; attempts < count; attempts++) {
            if ((attempts & 255) == 0 && System.nanoTime() - start >= cap) {
                return StopReason.TIME_CAP;
            }
            sendProbe(size);
        }
        return StopReason.COMPLETE;
    }

    private StopReason sendPaced(long start) {
        SendSchedule schedule;
        switch (config.mode()) {
            case CONSTANT:
                schedule = SendSchedule.constant(config.rate());
                break;
            case RAMP:
                schedule = SendSchedule.ramp(config.rate(), config.durationNanos());
                break;
            default:
                schedule = new ChaosSchedule(config.rate(), config.seed());
                chaos = new ChaosMix(config.seed());
        }
        long duration = config.durationNanos();
        long cap = config.count();
        long maxBatch = Math.max(1, config.rate() * MAX_CATCH_UP_NANOS / 1_000_000_000L);
        if (chaos != null) {
            planned = Math.min(cap, new ChaosSchedule(config.rate(), config.seed()).due(duration));
        } else {
            planned = Math.min(cap, schedule.due(duration));
        }
        long attempts = 0;
        long nextTick = start;
        while (true) {
            long elapsed = Math.min(System.nanoTime() - start, duration);
            long due = Math.min(schedule.due(elapsed), cap);
            for (long batch = Math.min(due - attempts, maxBatch); batch > 0; batch--) {
                attempts++;
                if (chaos != null) {
                    sendChaos();
                } else {
                    sendProbe(config.size());
                }
            }
            if (attempts >= cap) {
                return elapsed >= duration && schedule.due(duration) <= cap ? StopReason.COMPLETE : StopReason.COUNT_CAP;
            }
            if (elapsed >= duration) {
                return StopReason.COMPLETE;
            }
            nextTick += TICK_NANOS;
            long now = System.nanoTime();
            if (nextTick < now - TICK_NANOS) {
                nextTick = now; // after a stall, catch up from the schedule, not by spinning through missed ticks
            }
            waitUntil(nextTick);
        }
    }

    private static void waitUntil(long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining > SPIN_NANOS) {
            LockSupport.parkNanos(remaining - SPIN_NANOS);
        }
        while (System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
    }

    private void sendProbe(int length) {
        trailer.write(out, length, sent, System.nanoTime(), runId);
        if (write()) {
            sent++;
        }
    }

    private void sendChaos() {
        out.clear();
        int length = chaos.writeNext(out);
        if (chaos.lastKind() == ChaosMix.Kind.TINY) {
            out.limit(length).position(0);
            if (write()) {
                untrackedSent++;
                chaos.countSent();
            }
            return;
        }
        trailer.write(out, length, sent, System.nanoTime(), runId);
        if (write()) {
            sent++;
            chaos.countSent();
        }
    }

    private boolean write() {
        try {
            channel.write(out);
            return true;
        } catch (IOException e) { // ICMP port unreachable from a previous datagram, ENOBUFS, ...
            sendErrors++;
            if (firstSendError == null) {
                firstSendError = e.toString();
            }
            return false;
        }
    }

    /**
     * Waits for the last echoes: ends --drain-ms after the last datagram arrived, or sooner once every datagram is
     * answered and nothing at all (not even a duplicate or a corrupt echo still in flight) arrived for a short settle.
     */
    private void drain(EchoReceiver receiver) {
        long quietLimit = config.drainMillis() * 1_000_000L;
        long settle = Math.min(quietLimit, SETTLE_NANOS);
        long quietSince = System.nanoTime();
        long lastReceived = receiver.receivedSoFar();
        while (true) {
            long now = System.nanoTime();
            long received = receiver.receivedSoFar();
            if (received != lastReceived) {
                lastReceived = received;
                quietSince = now;
            }
            long quiet = now - quietSince;
            if (quiet >= quietLimit || (quiet >= settle && receiver.answeredSoFar() >= sent)) {
                return;
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private LoadReport report(EchoReceiver r, StopReason stop, long sendStart, long sendEnd) {
        Map<String, Long> mix = new LinkedHashMap<>();
        if (chaos != null) {
            for (ChaosMix.Kind k : ChaosMix.Kind.values()) {
                mix.put(camel(k.name()), chaos.sent(k));
            }
            for (QuicInitialWriter.Malformed m : QuicInitialWriter.Malformed.values()) {
                mix.put("malformed." + camel(m.name()), chaos.sentMalformed(m));
            }
        }
        String firstError = firstSendError != null ? firstSendError : r.firstError;
        long window = r.answered > 0 ? r.lastAnswerNanos - sendStart : 0;
        return new LoadReport(config.mode(), LoopbackTarget.format(config.target()), config.seed(), config.count(),
                config.rate(), config.seconds(), config.size(), stop, sent, r.answered, r.duplicates, r.corrupt,
                r.foreignRun + r.outOfRange, untrackedSent, r.tooShort, sendErrors, r.receiveErrors, firstError,
                sendEnd - sendStart, window, percentile(r, 50), percentile(r, 90), percentile(r, 99),
                r.answered > 0 ? r.rttNanos.getMaxValue() : 0, planned, mix);
    }

    private static long percentile(EchoReceiver r, double p) {
        return r.answered > 0 ? r.rttNanos.getValueAtPercentile(p) : 0;
    }

    private static String camel(String constant) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }
}
