package dev.socketiwa.plugin.core.cbor;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Expected bytes are RFC 8949 Appendix A examples (all of which are in deterministic encoding) and section 4.2.1. */
class CborWriterTest {
    private static String hex(Object value) {
        return HexFormat.of().formatHex(Cbor.encode(value));
    }

    @Test
    void integersUseTheShortestHead() {
        assertEquals("00", hex(0L));
        assertEquals("01", hex(1L));
        assertEquals("0a", hex(10L));
        assertEquals("17", hex(23L));
        assertEquals("1818", hex(24L));
        assertEquals("1819", hex(25L));
        assertEquals("1864", hex(100L));
        assertEquals("1903e8", hex(1000L));
        assertEquals("1a000f4240", hex(1000000L));
        assertEquals("1b000000e8d4a51000", hex(1000000000000L));
        assertEquals("1bffffffffffffffff", hex(new BigInteger("18446744073709551615")));
        assertEquals("3bffffffffffffffff", hex(new BigInteger("-18446744073709551616")));
        assertEquals("20", hex(-1L));
        assertEquals("29", hex(-10L));
        assertEquals("3863", hex(-100L));
        assertEquals("3903e7", hex(-1000L));
        assertEquals("1b7fffffffffffffff", hex(Long.MAX_VALUE));
        assertEquals("3b7fffffffffffffff", hex(Long.MIN_VALUE));
        assertThrows(IllegalArgumentException.class, () -> Cbor.encode(BigInteger.ONE.shiftLeft(64)));
    }

    @Test
    void floatsUseTheShortestExactWidth() {
        assertEquals("f90000", hex(0.0));
        assertEquals("f98000", hex(-0.0));
        assertEquals("f93c00", hex(1.0));
        assertEquals("fb3ff199999999999a", hex(1.1));
        assertEquals("f93e00", hex(1.5));
        assertEquals("f97bff", hex(65504.0));
        assertEquals("fa47c35000", hex(100000.0));
        assertEquals("fa7f7fffff", hex(3.4028234663852886e+38));
        assertEquals("fb7e37e43c8800759c", hex(1.0e+300));
        assertEquals("f90001", hex(5.960464477539063e-8));
        assertEquals("f90400", hex(0.00006103515625));
        assertEquals("f9c400", hex(-4.0));
        assertEquals("fbc010666666666666", hex(-4.1));
        assertEquals("f97c00", hex(Double.POSITIVE_INFINITY));
        assertEquals("f97e00", hex(Double.NaN));
        assertEquals("f9fc00", hex(Double.NEGATIVE_INFINITY));
    }

    @Test
    void simpleValues() {
        assertEquals("f4", hex(false));
        assertEquals("f5", hex(true));
        assertEquals("f6", hex(null));
        assertEquals("f7", HexFormat.of().formatHex(new CborWriter().undefined().toByteArray()));
    }

    @Test
    void byteAndTextStrings() {
        assertEquals("40", hex(new byte[0]));
        assertEquals("4401020304", hex(new byte[] {1, 2, 3, 4}));
        assertEquals("60", hex(""));
        assertEquals("6161", hex("a"));
        assertEquals("6449455446", hex("IETF"));
        assertEquals("62225c", hex("\"\\"));
        assertEquals("62c3bc", hex("\u00fc"));
        assertEquals("63e6b0b4", hex("\u6c34"));
        assertEquals("64f0908591", hex("\ud800\udd51"));
        assertEquals("5818" + "00".repeat(24), hex(new byte[24]));
        assertEquals("590100" + "00".repeat(256), hex(new byte[256]));
    }

    @Test
    void arraysAndMaps() {
        assertEquals("80", hex(List.of()));
        assertEquals("83010203", hex(List.of(1L, 2L, 3L)));
        assertEquals("8301820203820405", hex(List.of(1L, List.of(2L, 3L), List.of(4L, 5L))));
        List<Object> twentyFive = new ArrayList<>();
        for (long i = 1; i <= 25; i++) {
            twentyFive.add(i);
        }
        assertEquals("98190102030405060708090a0b0c0d0e0f101112131415161718181819", hex(twentyFive));
        assertEquals("a0", hex(Map.of()));
        assertEquals("a201020304", hex(ordered(3L, 4L, 1L, 2L)));
        assertEquals("a26161016162820203", hex(ordered("b", List.of(2L, 3L), "a", 1L)));
        assertEquals("826161a161626163", hex(List.of("a", Map.of("b", "c"))));
        assertEquals("a56161614161626142616361436164614461656145",
                hex(ordered("e", "E", "d", "D", "c", "C", "b", "B", "a", "A")));
    }

    @Test
    void mapKeysSortBytewiseByTheirEncoding() {
        // RFC 8949 section 4.2.1: 10, 100, -1, "z", "aa", [100], [-1], false.
        Map<Object, Object> map = ordered(false, 0L, List.of(-1L), 0L, List.of(100L), 0L, "aa", 0L, "z", 0L, -1L, 0L,
                100L, 0L, 10L, 0L);
        assertEquals("a8" + "0a00" + "186400" + "2000" + "617a00" + "62616100" + "81186400" + "812000" + "f400", hex(map));
        // Shorter text keys first, as in the integrity block's attribute maps.
        assertEquals("a2617a00626161" + "00", hex(ordered("aa", 0L, "z", 0L)));
    }

    @Test
    void duplicateKeysAreRejected() {
        CborMap m = new CborMap().put("a", Cbor.encode(1L)).put("a", Cbor.encode(2L));
        assertThrows(IllegalArgumentException.class, m::encode);
    }

    @Test
    void headLengthMatchesWhatIsWritten() {
        for (long v : new long[] {0, 23, 24, 255, 256, 65535, 65536, 0xffffffffL, 0x100000000L}) {
            assertEquals(new CborWriter().integer(v).size(), CborWriter.headLength(v), Long.toString(v));
        }
    }

    private static Map<Object, Object> ordered(Object... kv) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
