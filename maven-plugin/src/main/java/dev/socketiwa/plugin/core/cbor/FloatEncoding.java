package dev.socketiwa.plugin.core.cbor;

/** IEEE 754 half precision, for the shortest-float rule of deterministic CBOR. */
final class FloatEncoding {
    private FloatEncoding() {
    }

    /** The binary16 bits of {@code f} if it converts without loss, else -1. NaN becomes the canonical 0x7e00. */
    static int toHalfExactly(float f) {
        if (Float.isNaN(f)) {
            return 0x7e00;
        }
        int bits = Float.floatToIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 0xff) {
            return sign | 0x7c00;
        }
        if (exponent == 0 && mantissa == 0) {
            return sign;
        }
        int unbiased = exponent - 127;
        if (unbiased >= -14 && unbiased <= 15) {
            if ((mantissa & 0x1fff) != 0) {
                return -1;
            }
            return sign | ((unbiased + 15) << 10) | (mantissa >>> 13);
        }
        if (unbiased >= -24 && unbiased < -14) {
            // Subnormal half: value = m * 2^-24 with m < 1024.
            int full = mantissa | 0x800000;
            int shift = 13 + (-14 - unbiased);
            if ((full & ((1 << shift) - 1)) != 0) {
                return -1;
            }
            return sign | (full >>> shift);
        }
        return -1;
    }
}
