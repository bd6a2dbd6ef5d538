package dev.socketiwa.bench.udp;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The 28 bytes at the END of every tracked datagram: sequence number, send time, run id, magic and a CRC32C over the whole
 * datagram before the CRC. At the end rather than the start so a datagram can begin with a QUIC header and still be
 * matched exactly when echoed. The CRC covers the body too, so an echo server that flips any byte is caught.
 *
 * <pre>  ... body ... | seq (8) | sendNanos (8) | runId (4) | magic (4) | crc32c (4) |</pre>
 */
public final class ProbeTrailer {
    public static final int SIZE = 28;
    static final int MAGIC = 0x53495750; // "SIWP"

    /** What a received datagram turned out to be. */
    public enum Verdict {
        /** Ours, from this run, intact: seq and send time are valid. */
        VALID,
        /** Shorter than a trailer: cannot be matched (the chaos mode's tiny datagrams come back like this). */
        TOO_SHORT,
        /** Long enough but the CRC does not match: damaged on the way or by the echo server. */
        CORRUPT,
        /** Intact but from another run (a late echo of an earlier run). */
        FOREIGN_RUN
    }

    private final CRC32C crc = new CRC32C();

    /**
     * Writes the trailer into the last {@link #SIZE} bytes of {@code buf[0, length)}; leaves position 0, limit length.
     */
    public void write(ByteBuffer buf, int length, long seq, long sendNanos, int runId) {
        buf.clear();
        int at = length - SIZE;
        buf.putLong(at, seq);
        buf.putLong(at + 8, sendNanos);
        buf.putInt(at + 16, runId);
        buf.putInt(at + 20, MAGIC);
        buf.limit(length - 4).position(0);
        crc.reset();
        crc.update(buf);
        buf.limit(length);
        buf.putInt(length - 4, (int) crc.getValue());
        buf.position(0);
    }

    /** Checks {@code buf[0, length)}; on {@link Verdict#VALID} read {@link #seq} and {@link #sendNanos}. */
    public Verdict check(ByteBuffer buf, int length, int runId) {
        if (length < SIZE) {
            return Verdict.TOO_SHORT;
        }
        buf.limit(length - 4).position(0);
        crc.reset();
        crc.update(buf);
        buf.limit(length).position(0);
        if (buf.getInt(length - 4) != (int) crc.getValue() || buf.getInt(length - 8) != MAGIC) {
            return Verdict.CORRUPT;
        }
        return buf.getInt(length - 12) == runId ? Verdict.VALID : Verdict.FOREIGN_RUN;
    }

    public static long seq(ByteBuffer buf, int length) {
        return buf.getLong(length - SIZE);
    }

    public static long sendNanos(ByteBuffer buf, int length) {
        return buf.getLong(length - SIZE + 8);
    }
}
