package dev.socketiwa.quic.h3.qpack;

/**
 * The decoder's view of the dynamic table (RFC 9204 §3.2): entries addressed by absolute index, oldest evicted first
 * when an insert or a capacity change needs room.
 */
final class DynamicTable {
    private HeaderField[] ring = new HeaderField[16];
    /** Absolute index of the oldest entry still present. */
    private long dropped;
    private long insertCount;
    private long size;
    private long capacity;

    long insertCount() {
        return insertCount;
    }

    long capacity() {
        return capacity;
    }

    long size() {
        return size;
    }

    /** The entry at an absolute index, or null when it was evicted or not inserted yet. */
    HeaderField get(long absolute) {
        if (absolute < dropped || absolute >= insertCount) return null;
        return ring[(int) (absolute % ring.length)];
    }

    /** Sets the capacity, evicting as needed (the caller checked it against the maximum). */
    void setCapacity(long capacity) {
        this.capacity = capacity;
        evictUntil(capacity);
    }

    /** Inserts an entry; false when it cannot fit even in an empty table (an encoder stream error). */
    boolean insert(HeaderField f) {
        if (f.size() > capacity) return false;
        evictUntil(capacity - f.size());
        if (insertCount - dropped == ring.length) grow();
        ring[(int) (insertCount % ring.length)] = f;
        insertCount++;
        size += f.size();
        return true;
    }

    private void evictUntil(long target) {
        while (size > target) {
            int slot = (int) (dropped % ring.length);
            size -= ring[slot].size();
            ring[slot] = null;
            dropped++;
        }
    }

    private void grow() {
        HeaderField[] bigger = new HeaderField[ring.length * 2];
        for (long i = dropped; i < insertCount; i++) bigger[(int) (i % bigger.length)] = ring[(int) (i % ring.length)];
        ring = bigger;
    }
}
