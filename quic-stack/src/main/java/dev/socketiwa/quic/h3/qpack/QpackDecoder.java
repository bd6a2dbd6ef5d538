package dev.socketiwa.quic.h3.qpack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * QPACK decoder (RFC 9204): applies the peer's encoder stream to the dynamic table, decodes field sections, and writes
 * Section Acknowledgment, Stream Cancellation and Insert Count Increment instructions for our decoder stream into
 * {@link #instructions()}. Sans-IO: the caller moves the bytes.
 */
public final class QpackDecoder {
    private static final int MAX_STRING = 64 * 1024;
    private static final int MAX_PENDING_INSTRUCTION = 2 * MAX_STRING + 64;

    private final long maxTableCapacity;
    private final int maxBlockedStreams;
    private final long maxFieldSectionSize;
    private final DynamicTable table = new DynamicTable();
    private final QpackReader encoderReader = new QpackReader(QpackException.ENCODER_STREAM_ERROR);
    private final QpackReader blockReader = new QpackReader(QpackException.DECOMPRESSION_FAILED);
    private final QpackWriter out = new QpackWriter(64);
    /** Encoder stream bytes holding an instruction that has not fully arrived. */
    private byte[] pending = new byte[256];
    private int pendingLength;
    /** Streams waiting for inserts, with the Required Insert Count they wait for. */
    private final Map<Long, Long> blocked = new HashMap<>();
    private long knownReceivedCount;

    /**
     * @param maxTableCapacity    our SETTINGS_QPACK_MAX_TABLE_CAPACITY
     * @param maxBlockedStreams   our SETTINGS_QPACK_BLOCKED_STREAMS
     * @param maxFieldSectionSize our SETTINGS_MAX_FIELD_SECTION_SIZE (Long.MAX_VALUE for none)
     */
    public QpackDecoder(long maxTableCapacity, int maxBlockedStreams, long maxFieldSectionSize) {
        this.maxTableCapacity = maxTableCapacity;
        this.maxBlockedStreams = maxBlockedStreams;
        this.maxFieldSectionSize = maxFieldSectionSize;
    }

    /**
     * Bytes to write on our QPACK decoder stream; the caller sends and {@link QpackWriter#consume}s them. Inserts not
     * yet covered by a Section Acknowledgment are acknowledged here with one Insert Count Increment, so calling this
     * after decoding what the new inserts unblocked saves instructions.
     */
    public QpackWriter instructions() {
        if (table.insertCount() > knownReceivedCount) {
            out.writeInt(0x00, 6, table.insertCount() - knownReceivedCount);
            knownReceivedCount = table.insertCount();
        }
        return out;
    }

    public long insertCount() {
        return table.insertCount();
    }

    /** Current dynamic table size in bytes (entry sizes per RFC 9204 §3.2.1). */
    public long tableSize() {
        return table.size();
    }

    public int blockedStreams() {
        return blocked.size();
    }

    /** Applies bytes from the peer's encoder stream; incomplete trailing instructions wait for the next call. */
    public void onEncoderStream(byte[] b, int off, int len) throws QpackException {
        if (pendingLength > MAX_PENDING_INSTRUCTION) {
            throw new QpackException(QpackException.ENCODER_STREAM_ERROR, "encoder instruction too long");
        }
        if (pendingLength + len > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + len));
        }
        System.arraycopy(b, off, pending, pendingLength, len);
        pendingLength += len;
        QpackReader r = encoderReader.reset(pending, 0, pendingLength);
        int consumed = 0;
        try {
            while (r.hasMore()) {
                encoderInstruction(r);
                consumed = r.pos;
            }
        } catch (QpackReader.Truncated t) {
            // the rest arrives later
        }
        System.arraycopy(pending, consumed, pending, 0, pendingLength - consumed);
        pendingLength -= consumed;
    }

    private void encoderInstruction(QpackReader r) throws QpackReader.Truncated, QpackException {
        int first = r.peek();
        if ((first & 0x80) != 0) {
            boolean isStatic = (first & 0x40) != 0;
            long index = r.readInt(6);
            HeaderField name = isStatic ? StaticTable.get(index) : table.get(table.insertCount() - 1 - index);
            if (name == null) throw encoderError("insert references a missing entry " + index);
            insert(new HeaderField(name.name, r.readString(7, MAX_STRING)));
        } else if ((first & 0x40) != 0) {
            String name = r.readString(5, MAX_STRING);
            insert(new HeaderField(name, r.readString(7, MAX_STRING)));
        } else if ((first & 0x20) != 0) {
            long capacity = r.readInt(5);
            if (capacity > maxTableCapacity) {
                throw encoderError("table capacity " + capacity + " exceeds our maximum " + maxTableCapacity);
            }
            table.setCapacity(capacity);
        } else {
            long index = r.readInt(5);
            HeaderField f = table.get(table.insertCount() - 1 - index);
            if (f == null) throw encoderError("duplicate of a missing entry " + index);
            insert(f);
        }
    }

    private void insert(HeaderField f) throws QpackException {
        if (!table.insert(f)) throw encoderError("entry of " + f.size() + " bytes exceeds the table capacity " + table.capacity());
    }

    private static QpackException encoderError(String m) {
        return new QpackException(QpackException.ENCODER_STREAM_ERROR, m);
    }

    private static QpackException failed(String m) {
        return new QpackException(QpackException.DECOMPRESSION_FAILED, m);
    }

    /**
     * Decodes one complete field section from a HEADERS frame. Returns null when it needs inserts that have not
     * arrived yet: keep the bytes and call again after more encoder stream data.
     *
     * @throws FieldSectionTooLargeException when the section exceeds our limit (a stream error, the table stays valid)
     */
    public List<HeaderField> decode(long streamId, byte[] b, int off, int len) throws QpackException {
        QpackReader r = blockReader.reset(b, off, len);
        try {
            long ric = requiredInsertCount(r.readInt(8));
            boolean negative = (r.peek() & 0x80) != 0;
            long delta = r.readInt(7);
            long base;
            if (negative) {
                if (delta >= ric) throw failed("negative base");
                base = ric - delta - 1;
            } else {
                base = ric + delta;
            }
            if (ric > table.insertCount()) {
                if (!blocked.containsKey(streamId)) {
                    if (blocked.size() >= maxBlockedStreams) throw failed("more than " + maxBlockedStreams + " blocked streams");
                    blocked.put(streamId, ric);
                }
                return null;
            }
            blocked.remove(streamId);
            List<HeaderField> fields = new ArrayList<>();
            long total = 0;
            while (r.hasMore()) {
                HeaderField f = fieldLine(r, ric, base);
                total += f.size();
                if (total > maxFieldSectionSize) throw new FieldSectionTooLargeException(total, maxFieldSectionSize);
                fields.add(f);
            }
            if (ric > 0) {
                out.writeInt(0x80, 7, streamId);
                if (ric > knownReceivedCount) knownReceivedCount = ric;
            }
            return fields;
        } catch (QpackReader.Truncated t) {
            throw failed("field section ends inside a field line");
        }
    }

    private long requiredInsertCount(long encoded) throws QpackException {
        if (encoded == 0) return 0;
        long maxEntries = maxTableCapacity / 32;
        long fullRange = 2 * maxEntries;
        if (encoded > fullRange) throw failed("invalid Required Insert Count");
        long maxValue = table.insertCount() + maxEntries;
        long maxWrapped = (maxValue / fullRange) * fullRange;
        long ric = maxWrapped + encoded - 1;
        if (ric > maxValue) {
            if (ric <= fullRange) throw failed("invalid Required Insert Count");
            ric -= fullRange;
        }
        if (ric == 0) throw failed("invalid Required Insert Count");
        return ric;
    }

    private HeaderField fieldLine(QpackReader r, long ric, long base) throws QpackReader.Truncated, QpackException {
        int first = r.peek();
        if ((first & 0x80) != 0) {
            boolean isStatic = (first & 0x40) != 0;
            long index = r.readInt(6);
            return isStatic ? staticEntry(index) : dynamicEntry(base - 1 - index, ric);
        }
        if ((first & 0x40) != 0) {
            boolean isStatic = (first & 0x10) != 0;
            long index = r.readInt(4);
            HeaderField name = isStatic ? staticEntry(index) : dynamicEntry(base - 1 - index, ric);
            return new HeaderField(name.name, r.readString(7, MAX_STRING));
        }
        if ((first & 0x20) != 0) {
            String name = r.readString(3, MAX_STRING);
            return new HeaderField(name, r.readString(7, MAX_STRING));
        }
        if ((first & 0x10) != 0) {
            return dynamicEntry(base + r.readInt(4), ric);
        }
        HeaderField name = dynamicEntry(base + r.readInt(3), ric);
        return new HeaderField(name.name, r.readString(7, MAX_STRING));
    }

    private static HeaderField staticEntry(long index) throws QpackException {
        HeaderField f = StaticTable.get(index);
        if (f == null) throw failed("static index " + index + " out of range");
        return f;
    }

    private HeaderField dynamicEntry(long absolute, long ric) throws QpackException {
        if (absolute < 0 || absolute >= ric) throw failed("dynamic reference outside the Required Insert Count");
        HeaderField f = table.get(absolute);
        if (f == null) throw failed("dynamic reference to an evicted entry " + absolute);
        return f;
    }

    /**
     * The stream was reset or abandoned before its field sections were all decoded: forget it and, when the table
     * is in use, tell the encoder (Stream Cancellation, RFC 9204 §4.4.2).
     */
    public void cancelStream(long streamId) {
        blocked.remove(streamId);
        if (maxTableCapacity > 0) out.writeInt(0x40, 6, streamId);
    }
}
