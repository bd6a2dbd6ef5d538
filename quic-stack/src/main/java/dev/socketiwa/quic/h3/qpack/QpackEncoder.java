package dev.socketiwa.quic.h3.qpack;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * QPACK encoder (RFC 9204) with a simple, safe policy. Static table matches are indexed; other short fields are
 * inserted into the dynamic table (when the peer allows one) and referenced only once the peer has acknowledged the
 * insert, so no field section ever blocks the peer. Entries are never evicted: once the table is full, fields go out
 * as literals, which keeps every reference valid without tracking them. Without a peer table it sends static
 * references and literals only.
 */
public final class QpackEncoder {
    /** We use at most this much of the peer's table: enough for repeated response fields. */
    private static final long OUR_CAPACITY_LIMIT = 4096;
    private static final int MAX_INSERTED_VALUE = 128;

    private final QpackReader decoderReader = new QpackReader(QpackException.DECODER_STREAM_ERROR);
    private final QpackWriter instructions = new QpackWriter(64);
    private final QpackWriter lines = new QpackWriter(256);
    private byte[] pending = new byte[16];
    private int pendingLength;

    private long peerMaxCapacity;
    private long capacity;
    private long size;
    private long insertCount;
    private long knownReceivedCount;
    private long sectionsReferencingTable;
    private final Map<HeaderField, Long> inserted = new HashMap<>();
    /** Required Insert Counts of field sections not yet acknowledged, per stream, oldest first. */
    private final Map<Long, ArrayDeque<Long>> unacknowledged = new HashMap<>();

    /**
     * The peer's SETTINGS_QPACK_MAX_TABLE_CAPACITY: when non-zero, the encoder starts using a dynamic table (and
     * writes Set Dynamic Table Capacity to {@link #instructions()}).
     */
    public void setPeerMaxTableCapacity(long max) {
        if (peerMaxCapacity != 0 || max == 0) return;
        peerMaxCapacity = max;
        capacity = Math.min(max, OUR_CAPACITY_LIMIT);
        instructions.writeInt(0x20, 5, capacity);
    }

    /** Bytes for our QPACK encoder stream; the caller sends and {@link QpackWriter#consume}s them. */
    public QpackWriter instructions() {
        return instructions;
    }

    public long insertCount() {
        return insertCount;
    }

    public long knownReceivedCount() {
        return knownReceivedCount;
    }

    /** Field sections sent so far that reference the dynamic table. */
    public long sectionsReferencingTable() {
        return sectionsReferencingTable;
    }

    /** Static and literal only: for callers without a stream (and tests of the wire format). */
    public void encode(List<HeaderField> fields, QpackWriter out) {
        out.writeByte(0);
        out.writeByte(0);
        for (int i = 0; i < fields.size(); i++) literalOrStatic(fields.get(i), out);
    }

    /** Appends the encoded field section (prefix and field lines) for a HEADERS frame on streamId. */
    public void encode(long streamId, List<HeaderField> fields, QpackWriter out) {
        lines.clear();
        long requiredInsertCount = 0;
        for (int i = 0; i < fields.size(); i++) {
            HeaderField f = fields.get(i);
            if (StaticTable.indexOf(f.name, f.value) < 0) {
                Long abs = inserted.get(f);
                if (abs != null && abs < knownReceivedCount) {
                    requiredInsertCount = Math.max(requiredInsertCount, abs + 1);
                    continue;
                }
                if (abs == null) maybeInsert(f);
            }
        }
        // base = Required Insert Count, so every reference is a plain relative index below the base
        long base = requiredInsertCount;
        for (int i = 0; i < fields.size(); i++) {
            HeaderField f = fields.get(i);
            Long abs = StaticTable.indexOf(f.name, f.value) < 0 ? inserted.get(f) : null;
            if (abs != null && abs < base) {
                lines.writeInt(0x80, 6, base - 1 - abs);
            } else {
                literalOrStatic(f, lines);
            }
        }
        if (requiredInsertCount == 0) {
            out.writeByte(0);
        } else {
            long maxEntries = peerMaxCapacity / 32;
            out.writeInt(0, 8, requiredInsertCount % (2 * maxEntries) + 1);
            unacknowledged.computeIfAbsent(streamId, k -> new ArrayDeque<>()).add(requiredInsertCount);
            sectionsReferencingTable++;
        }
        out.writeByte(0); // Delta Base 0, sign 0
        out.writeBytes(lines.array(), 0, lines.length());
    }

    private void maybeInsert(HeaderField f) {
        if (capacity == 0 || f.value.length() > MAX_INSERTED_VALUE || f.size() > capacity - size) return;
        if (f.name.equals("set-cookie") || f.name.equals("authorization") || f.name.equals("cookie")) return;
        int nameIndex = StaticTable.indexOfName(f.name);
        if (nameIndex >= 0) {
            instructions.writeInt(0xc0, 6, nameIndex);
        } else {
            instructions.writeString(0x40, 5, f.name);
        }
        instructions.writeString(0x00, 7, f.value);
        inserted.put(f, insertCount++);
        size += f.size();
    }

    private static void literalOrStatic(HeaderField f, QpackWriter out) {
        int exact = StaticTable.indexOf(f.name, f.value);
        if (exact >= 0) {
            out.writeInt(0xc0, 6, exact);
            return;
        }
        int name = StaticTable.indexOfName(f.name);
        if (name >= 0) {
            out.writeInt(0x50, 4, name);
        } else {
            out.writeString(0x20, 3, f.name);
        }
        out.writeString(0x00, 7, f.value);
    }

    /** Applies the peer's decoder stream instructions (RFC 9204 §4.4). */
    public void onDecoderStream(byte[] b, int off, int len) throws QpackException {
        for (int i = 0; i < len; i++) {
            if (pendingLength == pending.length) {
                throw new QpackException(QpackException.DECODER_STREAM_ERROR, "decoder instruction too long");
            }
            pending[pendingLength++] = b[off + i];
            QpackReader r = decoderReader.reset(pending, 0, pendingLength);
            try {
                int first = r.peek();
                long value = r.readInt((first & 0x80) != 0 ? 7 : 6);
                pendingLength = 0;
                if ((first & 0x80) != 0) {
                    sectionAcknowledged(value);
                } else if ((first & 0x40) == 0) {
                    if (value == 0 || knownReceivedCount + value > insertCount) {
                        throw new QpackException(QpackException.DECODER_STREAM_ERROR, "Insert Count Increment of "
                                + value + " with " + knownReceivedCount + " of " + insertCount + " inserts acknowledged");
                    }
                    knownReceivedCount += value;
                } else {
                    unacknowledged.remove(value);
                }
            } catch (QpackReader.Truncated t) {
                // wait for the rest of the integer
            }
        }
    }

    private void sectionAcknowledged(long streamId) throws QpackException {
        ArrayDeque<Long> sections = unacknowledged.get(streamId);
        if (sections == null || sections.isEmpty()) {
            throw new QpackException(QpackException.DECODER_STREAM_ERROR,
                    "Section Acknowledgment for stream " + streamId + " which has no field section referencing the table");
        }
        long ric = sections.poll();
        if (sections.isEmpty()) unacknowledged.remove(streamId);
        if (ric > knownReceivedCount) knownReceivedCount = ric;
    }
}
