package dev.socketiwa.runtime.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.api.Test;

class Asn1TimesTest {
    @Test
    void roundTripsAndMatchesJavaTimeAcrossTheUtcTimeBoundary() {
        String[] instants = {"1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2024-02-29T12:00:00Z",
            "2026-11-22T11:45:47Z", "2049-12-31T23:59:59Z", "2050-01-01T00:00:00Z", "2100-03-01T00:00:00Z",
            "1950-01-01T00:00:00Z", "1949-12-31T23:59:59Z"};
        for (String iso : instants) {
            long millis = Instant.parse(iso).toEpochMilli();
            Time time = Asn1Times.toTime(millis + 999); // sub-second part is dropped
            assertEquals(millis, Asn1Times.toMillis(time), iso);
            assertEquals(millis, time.getDate().getTime(), "Bouncy Castle reads the same instant: " + iso);
            int year = Integer.parseInt(iso.substring(0, 4));
            boolean utc = year >= 1950 && year < 2050;
            assertTrue(utc ? time.toASN1Primitive() instanceof ASN1UTCTime
                    : time.toASN1Primitive() instanceof ASN1GeneralizedTime, iso);
        }
    }
}
