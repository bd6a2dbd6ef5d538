package dev.socketiwa.bench.udp;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Chooses and writes chaos mode's datagrams: 55% plain probes of any size 28..1472, 20% QUIC-looking Initials (1200
 * bytes), 15% malformed datagrams, 10% tiny datagrams of 1..27 bytes (too short to carry a trailer, so they are counted
 * but not matched). Driven by one seeded generator, so datagram n is the same for a given seed whatever the timing.
 */
final class ChaosMix {
    /** The kinds, in the report's order. */
    enum Kind { PLAIN, QUIC_INITIAL, MALFORMED, TINY }

    static final int MAX_SIZE = 1472; // an Ethernet-MTU UDP payload

    private final SplittableRandom rnd;
    private final long[] sentByKind = new long[Kind.values().length];
    private final long[] sentByMalformed = new long[QuicInitialWriter.Malformed.values().length];
    private Kind lastKind;
    private QuicInitialWriter.Malformed lastMalformed;

    ChaosMix(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    /**
     * Writes the next datagram's bytes (all but the trailer) into {@code buf}; returns its length. Call
     * {@link #lastKind()} to know whether it is tracked (everything but {@link Kind#TINY}).
     */
    int writeNext(ByteBuffer buf) {
        int pick = rnd.nextInt(100);
        int length;
        if (pick < 55) {
            lastKind = Kind.PLAIN;
            length = ProbeTrailer.SIZE + rnd.nextInt(MAX_SIZE - ProbeTrailer.SIZE + 1);
        } else if (pick < 75) {
            lastKind = Kind.QUIC_INITIAL;
            length = QuicInitialWriter.writeInitial(buf, QuicInitialWriter.MIN_INITIAL_DATAGRAM, rnd);
        } else if (pick < 90) {
            lastKind = Kind.MALFORMED;
            QuicInitialWriter.Malformed m = QuicInitialWriter.Malformed.values()[
                    rnd.nextInt(QuicInitialWriter.Malformed.values().length)];
            lastMalformed = m;
            length = QuicInitialWriter.writeMalformed(buf, m, ProbeTrailer.SIZE, MAX_SIZE, rnd);
        } else {
            lastKind = Kind.TINY;
            length = 1 + rnd.nextInt(ProbeTrailer.SIZE - 1);
            buf.put(0, (byte) rnd.nextInt(256));
        }
        return length;
    }

    Kind lastKind() {
        return lastKind;
    }

    /** Counts a datagram of {@link #lastKind()} that actually left. */
    void countSent() {
        sentByKind[lastKind.ordinal()]++;
        if (lastKind == Kind.MALFORMED) {
            sentByMalformed[lastMalformed.ordinal()]++;
        }
    }

    long sent(Kind kind) {
        return sentByKind[kind.ordinal()];
    }

    long sentMalformed(QuicInitialWriter.Malformed kind) {
        return sentByMalformed[kind.ordinal()];
    }
}
