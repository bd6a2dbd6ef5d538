package dev.socketiwa.quic.h3;

/** The IDs of one kind of stream an in-memory endpoint opens: the first, then every fourth (RFC 9000 §2.1). */
final class StreamIds {
    private final long first;
    private long next;

    StreamIds(long first) {
        this.first = first;
        next = first;
    }

    /** How many IDs were handed out so far. */
    long handedOut() {
        return (next - first) / 4;
    }

    long next() {
        long id = next;
        next += 4;
        return id;
    }
}
