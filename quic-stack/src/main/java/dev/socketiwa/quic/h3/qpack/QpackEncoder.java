package dev.socketiwa.quic.h3.qpack;

import java.util.List;

/**
 * QPACK encoder with a deliberately simple, safe policy: static table references and literals only, never the
 * dynamic table. Its field sections therefore never block the peer, and it needs no encoder stream instructions;
 * it still checks what the peer's decoder stream says (RFC 9204 §4.4), since any Section Acknowledgment or Insert
 * Count Increment is then a protocol error.
 */
public final class QpackEncoder {
    private final QpackReader decoderReader = new QpackReader(QpackException.DECODER_STREAM_ERROR);
    private byte[] pending = new byte[16];
    private int pendingLength;

    /** Appends the encoded field section (prefix and field lines) for a HEADERS frame. */
    public void encode(List<HeaderField> fields, QpackWriter out) {
        out.writeByte(0); // Required Insert Count 0
        out.writeByte(0); // Delta Base 0
        for (int i = 0; i < fields.size(); i++) {
            HeaderField f = fields.get(i);
            int exact = StaticTable.indexOf(f.name, f.value);
            if (exact >= 0) {
                out.writeInt(0xc0, 6, exact);
                continue;
            }
            int name = StaticTable.indexOfName(f.name);
            if (name >= 0) {
                out.writeInt(0x50, 4, name);
            } else {
                out.writeString(0x20, 3, f.name);
            }
            out.writeString(0x00, 7, f.value);
        }
    }

    /** Checks the peer's decoder stream instructions. */
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
                    throw new QpackException(QpackException.DECODER_STREAM_ERROR,
                            "Section Acknowledgment for stream " + value + " which has no field section referencing the table");
                }
                if ((first & 0x40) == 0) {
                    throw new QpackException(QpackException.DECODER_STREAM_ERROR,
                            "Insert Count Increment of " + value + " but nothing was inserted");
                }
                // Stream Cancellation: nothing of ours references the table, so nothing to release
            } catch (QpackReader.Truncated t) {
                // wait for the rest of the integer
            }
        }
    }
}
