package dev.socketiwa.plugin.core.cbor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CBOR map whose entries are written in deterministic order: sorted by the bytewise lexicographic order of the
 * encoded keys (RFC 8949 section 4.2.1). Duplicate keys are a programming error.
 */
public final class CborMap {
    private final List<byte[][]> entries = new ArrayList<>();

    public CborMap put(byte[] encodedKey, byte[] encodedValue) {
        entries.add(new byte[][] {encodedKey, encodedValue});
        return this;
    }

    public CborMap put(String key, byte[] encodedValue) {
        return put(new CborWriter().text(key).toByteArray(), encodedValue);
    }

    public void writeTo(CborWriter out) {
        List<byte[][]> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        for (int i = 1; i < sorted.size(); i++) {
            if (Arrays.equals(sorted.get(i - 1)[0], sorted.get(i)[0])) {
                throw new IllegalArgumentException("duplicate CBOR map key");
            }
        }
        out.mapHeader(sorted.size());
        for (byte[][] e : sorted) {
            out.raw(e[0]);
            out.raw(e[1]);
        }
    }

    public byte[] encode() {
        CborWriter w = new CborWriter();
        writeTo(w);
        return w.toByteArray();
    }
}
