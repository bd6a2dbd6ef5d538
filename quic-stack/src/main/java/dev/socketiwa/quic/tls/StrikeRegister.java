package dev.socketiwa.quic.tls;

import java.util.ArrayDeque;
import java.util.HashMap;

/**
 * Anti-replay for 0-RTT (RFC 8446 §8): remembers every ticket whose early data was accepted until that ticket expires,
 * so a ticket's 0-RTT is accepted at most once, even when its ClientHello is captured and replayed. Bounded: when full
 * it refuses early data (resumption still works) rather than forget. One per server endpoint; not thread-safe.
 */
public final class StrikeRegister {
    private final int capacity;
    private final HashMap<Long, Long> expiry = new HashMap<>();
    private final ArrayDeque<long[]> order = new ArrayDeque<>();

    public StrikeRegister(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("the strike register needs room for at least one ticket");
        }
        this.capacity = capacity;
    }

    /**
     * Records the ticket key; true when it was not seen before (early data may be accepted), false for a repeat or when
     * the register is full.
     */
    public boolean firstUse(long key, long expiresAtMillis, long nowMillis) {
        while (!order.isEmpty() && order.peekFirst()[1] <= nowMillis) {
            long[] e = order.pollFirst();
            Long exp = expiry.get(e[0]);
            if (exp != null && exp == e[1]) {
                expiry.remove(e[0]);
            }
        }
        Long seen = expiry.get(key);
        if (seen != null && seen > nowMillis) {
            return false;
        }
        if (expiry.size() >= capacity) {
            return false;
        }
        expiry.put(key, expiresAtMillis);
        order.addLast(new long[] {key, expiresAtMillis});
        return true;
    }

    public int size() {
        return expiry.size();
    }
}
