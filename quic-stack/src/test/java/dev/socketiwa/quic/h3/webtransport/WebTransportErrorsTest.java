package dev.socketiwa.quic.h3.webtransport;

import dev.socketiwa.quic.h3.H3Error;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Application error codes map into the HTTP/3 range and back, skipping the grease codes inside it. */
class WebTransportErrorsTest {
    @Test
    void rangeEndsMatchTheDraft() {
        assertEquals(0x52e4a40fa8dbL, WebTransportErrors.toHttp3(0));
        assertEquals(0x52e5ac983162L, WebTransportErrors.toHttp3(0xffffffffL));
        assertEquals(0, WebTransportErrors.fromHttp3(0x52e4a40fa8dbL));
        assertEquals(0xffffffffL, WebTransportErrors.fromHttp3(0x52e5ac983162L));
    }

    @Test
    void roundTripsAndNeverLandsOnGrease() {
        for (long n = 0; n < 100_000; n++) checkRoundTrip(n);
        for (long n = 0xffffffffL - 100_000; n <= 0xffffffffL; n++) checkRoundTrip(n);
        for (long n = 1; n < 0xffffffffL; n = n * 3 + 7) checkRoundTrip(n);
    }

    private static void checkRoundTrip(long n) {
        long h = WebTransportErrors.toHttp3(n);
        assertFalse(H3Error.isGrease(h), "code " + n + " maps onto grease 0x" + Long.toHexString(h));
        assertEquals(n, WebTransportErrors.fromHttp3(h));
    }

    @Test
    void codesOutsideTheRangeOrGreaseCarryNoApplicationCode() {
        assertEquals(-1, WebTransportErrors.fromHttp3(H3Error.REQUEST_CANCELLED));
        assertEquals(-1, WebTransportErrors.fromHttp3(WebTransportErrors.SESSION_GONE));
        assertEquals(-1, WebTransportErrors.fromHttp3(0x52e5ac983163L));
        long grease = WebTransportErrors.FIRST;
        while (!H3Error.isGrease(grease)) grease++;
        assertEquals(-1, WebTransportErrors.fromHttp3(grease));
    }
}
