package dev.socketiwa.runtime.cert;

import java.io.IOException;

import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;

/**
 * Certificate times in the RFC 5280 form, converted by hand to and from epoch millis.
 *
 * <p>Bouncy Castle's Date-based constructors and getters go through SimpleDateFormat and time zones, which drag a large
 * part of the class library into the wasm build; these few lines of calendar arithmetic do not. RFC 5280: UTCTime
 * "YYMMDDHHMMSSZ" for 1950-2049, GeneralizedTime "YYYYMMDDHHMMSSZ" otherwise, always UTC, whole seconds.
 */
final class Asn1Times {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private Asn1Times() {
    }

    /** The certificate time for this instant, truncated to whole seconds. */
    static Time toTime(long epochMillis) {
        long day = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        long secondOfDay = Math.floorMod(epochMillis, MILLIS_PER_DAY) / 1000;
        long[] ymd = civilFromDays(day);
        long year = ymd[0];
        StringBuilder s = new StringBuilder(15);
        boolean utc = year >= 1950 && year < 2050;
        if (utc) {
            two(s, year % 100);
        } else {
            if (year < 0 || year > 9999) {
                throw new IllegalArgumentException("year " + year + " cannot be encoded in a certificate");
            }
            two(s, year / 100);
            two(s, year % 100);
        }
        two(s, ymd[1]);
        two(s, ymd[2]);
        two(s, secondOfDay / 3600);
        two(s, secondOfDay / 60 % 60);
        two(s, secondOfDay % 60);
        s.append('Z');
        byte[] der = new byte[2 + s.length()];
        der[0] = (byte) (utc ? 0x17 : 0x18);
        der[1] = (byte) s.length();
        for (int i = 0; i < s.length(); i++) {
            der[2 + i] = (byte) s.charAt(i);
        }
        // From DER bytes: the String constructors would validate through SimpleDateFormat.
        ASN1Primitive primitive = utc ? ASN1UTCTime.getInstance(der) : ASN1GeneralizedTime.getInstance(der);
        return new Time(primitive);
    }

    /** ISO 8601 UTC to the second, e.g. 2026-11-22T11:53:22Z (what java.time.Instant prints for whole seconds). */
    static String iso8601(long epochMillis) {
        long day = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        long secondOfDay = Math.floorMod(epochMillis, MILLIS_PER_DAY) / 1000;
        long[] ymd = civilFromDays(day);
        StringBuilder s = new StringBuilder(20);
        long year = ymd[0];
        two(s, year / 100);
        two(s, year % 100);
        s.append('-');
        two(s, ymd[1]);
        s.append('-');
        two(s, ymd[2]);
        s.append('T');
        two(s, secondOfDay / 3600);
        s.append(':');
        two(s, secondOfDay / 60 % 60);
        s.append(':');
        two(s, secondOfDay % 60);
        return s.append('Z').toString();
    }

    /** Epoch millis of a certificate time in the RFC 5280 form; anything else is a clear error. */
    static long toMillis(Time time) {
        ASN1Primitive primitive = time.toASN1Primitive();
        byte[] der;
        try {
            der = primitive.getEncoded("DER");
        } catch (IOException e) {
            throw new CertificateFormatException("unreadable certificate time", e);
        }
        String text = new String(der, 2, der.length - 2, java.nio.charset.StandardCharsets.US_ASCII);
        boolean utc = primitive instanceof ASN1UTCTime;
        int expected = utc ? 13 : 15;
        if (text.length() != expected || text.charAt(expected - 1) != 'Z' || !digits(text, expected - 1)) {
            throw new CertificateFormatException("certificate time '" + text + "' is not in the RFC 5280 form "
                    + (utc ? "YYMMDDHHMMSSZ" : "YYYYMMDDHHMMSSZ"));
        }
        int p = 0;
        long year;
        if (utc) {
            year = num(text, 0);
            year += year >= 50 ? 1900 : 2000;
            p = 2;
        } else {
            year = num(text, 0) * 100 + num(text, 2);
            p = 4;
        }
        long month = num(text, p);
        long day = num(text, p + 2);
        long hour = num(text, p + 4);
        long minute = num(text, p + 6);
        long second = num(text, p + 8);
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
            throw new CertificateFormatException("certificate time '" + text + "' is not a valid date");
        }
        long days = daysFromCivil(year, month, day);
        return days * MILLIS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
    }

    private static boolean digits(String s, int count) {
        for (int i = 0; i < count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long num(String s, int at) {
        return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
    }

    private static void two(StringBuilder s, long value) {
        s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    // Proleptic Gregorian calendar <-> days since 1970-01-01 (H. Hinnant's public-domain algorithms).
    static long[] civilFromDays(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        return new long[] {y, m, d};
    }

    static long daysFromCivil(long year, long month, long day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
