package dev.socketiwa.plugin.core.cbor;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Appends CBOR items (RFC 8949) to a growable buffer using the deterministic encoding rules of section 4.2.1:
 * shortest argument encoding and definite lengths only. Maps are written through {@link Cbor#encode} or
 * {@link CborMap}, which sort keys by their encoded bytes.
 */
public final class CborWriter {
    static final int UNSIGNED = 0;
    static final int NEGATIVE = 1;
    static final int BYTES = 2;
    static final int TEXT = 3;
    static final int ARRAY = 4;
    static final int MAP = 5;
    static final int SIMPLE = 7;

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private byte[] buf;
    private int size;

    public CborWriter() {
        this(256);
    }

    public CborWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Unsigned or negative integer in the range of a long. */
    public CborWriter integer(long value) {
        if (value >= 0) {
            head(UNSIGNED, value);
        } else {
            head(NEGATIVE, -1 - value);
        }
        return this;
    }

    /** Any integer from -2^64 to 2^64-1 (major types 0 and 1 only; bignums are not needed here). */
    public CborWriter integer(BigInteger value) {
        boolean negative = value.signum() < 0;
        BigInteger argument = negative ? value.negate().subtract(BigInteger.ONE) : value;
        if (argument.compareTo(TWO_64) >= 0) {
            throw new IllegalArgumentException("integer out of CBOR major type 0/1 range: " + value);
        }
        head(negative ? NEGATIVE : UNSIGNED, argument.longValue());
        return this;
    }

    public CborWriter bytes(byte[] value) {
        return bytes(value, 0, value.length);
    }

    public CborWriter bytes(byte[] value, int offset, int length) {
        head(BYTES, length);
        raw(value, offset, length);
        return this;
    }

    public CborWriter text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        head(TEXT, utf8.length);
        raw(utf8, 0, utf8.length);
        return this;
    }

    public CborWriter arrayHeader(long count) {
        head(ARRAY, count);
        return this;
    }

    /** The caller must then write {@code count} key/value pairs in deterministic key order (see {@link CborMap}). */
    public CborWriter mapHeader(long count) {
        head(MAP, count);
        return this;
    }

    public CborWriter bool(boolean value) {
        return put(0xf4 + (value ? 1 : 0));
    }

    public CborWriter nul() {
        return put(0xf6);
    }

    public CborWriter undefined() {
        return put(0xf7);
    }

    /** The shortest of half, single or double precision that represents {@code value} exactly (RFC 8949 4.2.1). */
    public CborWriter floatingPoint(double value) {
        float f = (float) value;
        if ((double) f == value || Double.isNaN(value)) {
            int half = FloatEncoding.toHalfExactly(f);
            if (half >= 0) {
                put(0xf9);
                put(half >>> 8);
                return put(half);
            }
            int bits = Float.floatToIntBits(f);
            put(0xfa);
            return be(bits & 0xffffffffL, 4);
        }
        put(0xfb);
        return be(Double.doubleToLongBits(value), 8);
    }

    /** Already-encoded CBOR (for nesting a finished item). */
    public CborWriter raw(byte[] encoded) {
        return raw(encoded, 0, encoded.length);
    }

    public CborWriter raw(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, buf, size, length);
        size += length;
        return this;
    }

    /** Initial byte plus the shortest argument; {@code argument} is read as unsigned 64 bits. */
    void head(int major, long argument) {
        int type = major << 5;
        if (argument >= 0 && argument < 24) {
            put(type | (int) argument);
        } else if (argument >= 0 && argument <= 0xff) {
            put(type | 24);
            put((int) argument);
        } else if (argument >= 0 && argument <= 0xffff) {
            put(type | 25);
            be(argument, 2);
        } else if (argument >= 0 && argument <= 0xffffffffL) {
            put(type | 26);
            be(argument, 4);
        } else {
            put(type | 27);
            be(argument, 8);
        }
    }

    private CborWriter be(long value, int bytes) {
        ensure(bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            buf[size++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    private CborWriter put(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    /** Length of the head {@link #head} would write for this argument (used to compute offsets without writing). */
    public static int headLength(long argument) {
        if (argument >= 0 && argument < 24) {
            return 1;
        } else if (argument >= 0 && argument <= 0xff) {
            return 2;
        } else if (argument >= 0 && argument <= 0xffff) {
            return 3;
        } else if (argument >= 0 && argument <= 0xffffffffL) {
            return 5;
        }
        return 9;
    }
}
