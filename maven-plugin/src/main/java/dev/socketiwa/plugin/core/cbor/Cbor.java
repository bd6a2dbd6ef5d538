package dev.socketiwa.plugin.core.cbor;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Deterministic CBOR of plain Java values: Long/Integer/BigInteger, byte[], String, List, Map (any key type, sorted
 * by encoded key), Boolean, null, Double/Float.
 */
public final class Cbor {
    private Cbor() {
    }

    public static byte[] encode(Object value) {
        CborWriter w = new CborWriter();
        write(w, value);
        return w.toByteArray();
    }

    public static void write(CborWriter w, Object value) {
        if (value == null) {
            w.nul();
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            w.integer(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            w.integer(big);
        } else if (value instanceof byte[] bytes) {
            w.bytes(bytes);
        } else if (value instanceof String s) {
            w.text(s);
        } else if (value instanceof Boolean b) {
            w.bool(b);
        } else if (value instanceof Double || value instanceof Float) {
            w.floatingPoint(((Number) value).doubleValue());
        } else if (value instanceof List<?> list) {
            w.arrayHeader(list.size());
            for (Object item : list) {
                write(w, item);
            }
        } else if (value instanceof Map<?, ?> map) {
            CborMap m = new CborMap();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                m.put(encode(e.getKey()), encode(e.getValue()));
            }
            m.writeTo(w);
        } else {
            throw new IllegalArgumentException("no CBOR encoding for " + value.getClass().getName());
        }
    }
}
