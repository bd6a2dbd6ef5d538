package dev.socketiwa.bench.jmh;

import dev.socketiwa.quic.transport.RangeSet;

/** RangeSet (ascending, half-open) to the ACK frame's layout (descending smallest/largest pairs, inclusive). */
final class AckRanges {
    private AckRanges() {
    }

    static int descending(RangeSet set, long[] out) {
        int n = Math.min(set.size(), out.length / 2);
        for (int i = 0; i < n; i++) {
            int r = set.size() - 1 - i;
            out[2 * i] = set.start(r);
            out[2 * i + 1] = set.end(r) - 1;
        }
        return n;
    }
}
