package dev.socketiwa.bench.udp;

import java.net.InetSocketAddress;

/**
 * One run's parameters, checked against hard caps so every run is bounded in datagrams and in time.
 *
 * <p>{@code count} is the datagram count in burst mode and a cap in the others; {@code seconds} is the duration of
 * constant, ramp and chaos and a time cap in burst. {@code rate} is the constant rate, the ramp's final rate and chaos's
 * highest rate. {@code size} is the datagram size of burst, constant and ramp (chaos picks its own sizes).
 */
public record LoadConfig(LoadMode mode, InetSocketAddress target, long count, long rate, double seconds, int size,
                         long seed, long drainMillis) {

    public static final long MAX_COUNT = 20_000_000L;
    public static final long MAX_RATE = 2_000_000L;
    public static final double MAX_SECONDS = 600;
    public static final int MIN_SIZE = ProbeTrailer.SIZE;
    public static final int MAX_SIZE = 65_507; // largest UDP payload over IPv4
    public static final long MAX_DRAIN_MILLIS = 60_000;

    public static final long DEFAULT_BURST_COUNT = 10_000;
    public static final long DEFAULT_RATE = 10_000;
    public static final double DEFAULT_SECONDS = 5;
    public static final double DEFAULT_BURST_SECONDS = 60;
    public static final int DEFAULT_SIZE = 1200; // a full QUIC datagram
    public static final long DEFAULT_DRAIN_MILLIS = 1000;

    public LoadConfig {
        if (mode == null) {
            throw new IllegalArgumentException("missing --mode: use one of burst, constant, ramp, chaos");
        }
        target = LoopbackTarget.requireLoopback(target);
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("--count must be 1.." + MAX_COUNT + ", was " + count);
        }
        if (rate < 1 || rate > MAX_RATE) {
            throw new IllegalArgumentException("--rate must be 1.." + MAX_RATE + " datagrams/s, was " + rate);
        }
        if (!(seconds > 0) || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("--seconds must be above 0 and at most " + (long) MAX_SECONDS
                    + ", was " + seconds);
        }
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("--size must be " + MIN_SIZE + ".." + MAX_SIZE
                    + " bytes (each datagram carries a " + MIN_SIZE + "-byte trailer), was " + size);
        }
        if (drainMillis < 0 || drainMillis > MAX_DRAIN_MILLIS) {
            throw new IllegalArgumentException("--drain-ms must be 0.." + MAX_DRAIN_MILLIS + ", was " + drainMillis);
        }
    }

    /** Defaults for a mode: burst 10,000 datagrams; the others 10,000/s for 5 s; 1200 bytes; seed from the clock. */
    public static LoadConfig defaults(LoadMode mode, InetSocketAddress target) {
        return new LoadConfig(mode, target, mode == LoadMode.BURST ? DEFAULT_BURST_COUNT : MAX_COUNT, DEFAULT_RATE,
                mode == LoadMode.BURST ? DEFAULT_BURST_SECONDS : DEFAULT_SECONDS, DEFAULT_SIZE, System.nanoTime(),
                DEFAULT_DRAIN_MILLIS);
    }

    public LoadConfig withCount(long v) {
        return new LoadConfig(mode, target, v, rate, seconds, size, seed, drainMillis);
    }

    public LoadConfig withRate(long v) {
        return new LoadConfig(mode, target, count, v, seconds, size, seed, drainMillis);
    }

    public LoadConfig withSeconds(double v) {
        return new LoadConfig(mode, target, count, rate, v, size, seed, drainMillis);
    }

    public LoadConfig withSize(int v) {
        return new LoadConfig(mode, target, count, rate, seconds, v, seed, drainMillis);
    }

    public LoadConfig withSeed(long v) {
        return new LoadConfig(mode, target, count, rate, seconds, size, v, drainMillis);
    }

    public LoadConfig withDrainMillis(long v) {
        return new LoadConfig(mode, target, count, rate, seconds, size, seed, v);
    }

    long durationNanos() {
        return Math.round(seconds * 1e9);
    }

    /** The most tracked datagrams this run can send: sizes the duplicate-detection bitmap once, up front. */
    long maxTracked() {
        double planned;
        switch (mode) {
            case BURST:
                return count;
            case RAMP:
                planned = rate * seconds / 2;
                break;
            default:
                planned = rate * seconds;
        }
        return Math.min(count, (long) Math.ceil(planned) + 1);
    }
}
