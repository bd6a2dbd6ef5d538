package dev.socketiwa.quic.packet;

/** Packet number truncation and recovery (RFC 9000 §17.1, Appendix A.2 and A.3). */
public final class PacketNumber {
    private PacketNumber() {
    }

    /** Bytes needed to send fullPn so the peer can recover it, given the largest pn it acknowledged (-1: none). */
    public static int encodedLength(long fullPn, long largestAcked) {
        long numUnacked = largestAcked < 0 ? fullPn + 1 : fullPn - largestAcked;
        // twice the range, plus one bit for the sign
        int bits = 64 - Long.numberOfLeadingZeros(numUnacked) + 1;
        int bytes = (bits + 7) / 8;
        return Math.max(1, Math.min(4, bytes));
    }

    /** Recovers a full packet number from its truncated form (Appendix A.3). */
    public static long decode(long largestPn, long truncatedPn, int pnBits) {
        long expected = largestPn + 1;
        long win = 1L << pnBits;
        long hwin = win / 2;
        long mask = win - 1;
        long candidate = (expected & ~mask) | truncatedPn;
        if (candidate <= expected - hwin && candidate < (1L << 62) - win) {
            return candidate + win;
        }
        if (candidate > expected + hwin && candidate >= win) {
            return candidate - win;
        }
        return candidate;
    }
}
