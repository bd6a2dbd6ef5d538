package org.teavm.classlib.java.util;

import java.util.Date;
import java.util.TimeZone;

/**
 * Stand-in for {@code java.util.SimpleTimeZone} in TeaVM builds ONLY; the JVM never loads it (its own class wins).
 *
 * <p>Why: TeaVM's class library lacks SimpleTimeZone, and Bouncy Castle's ASN.1 time classes build one (UTC, for
 * {@code Time.toString}/{@code getDate}). TeaVM's string concatenation shares one {@code append(Object)}, so that code
 * is reachable from any app that generates a certificate, and the wasm build fails without this class. The package and
 * name follow TeaVM's substitution rule (see quic-stack's TSecurity); the references to {@code java.util} below are
 * rewritten by TeaVM to its own classes. Only fixed offsets, no daylight saving: all BC asks for is GMT.
 */
public class TSimpleTimeZone extends TimeZone {
    private int rawOffset;

    public TSimpleTimeZone(int rawOffset, String id) {
        this.rawOffset = rawOffset;
        setID(id);
    }

    @Override
    public int getOffset(int era, int year, int month, int day, int dayOfWeek, int milliseconds) {
        return rawOffset;
    }

    @Override
    public int getRawOffset() {
        return rawOffset;
    }

    @Override
    public void setRawOffset(int offsetMillis) {
        rawOffset = offsetMillis;
    }

    @Override
    public boolean useDaylightTime() {
        return false;
    }

    @Override
    public boolean inDaylightTime(Date date) {
        return false;
    }
}
