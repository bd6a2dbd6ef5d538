package dev.socketiwa.runtime.cert;

/**
 * When to rotate. With validity V and overlap O, a certificate created at t is:
 * <ul>
 * <li>alone, [t, t+V-O): served and published;</li>
 * <li>in the overlap, [t+V-O, t+V): the next certificate exists from t+V-O and both hashes are published; new
 * connections still get the current one until the switch at t+V-O/2, then the next one;</li>
 * <li>gone at t+V: the next becomes current and only its hash is published.</li>
 * </ul>
 * Switching halfway gives clients that fetched the hashes before the overlap began O/2 more time with the old
 * certificate, while the old one still has O/2 of validity left for clock skew and for connections opened just before
 * the switch. Defaults: V = 13 days (request), O = 3 days, so a certificate serves new connections for 11.5 days.
 */
public final class RotationPolicy {
    public static final long DEFAULT_OVERLAP_MILLIS = 3 * CertificateRequest.DAY_MILLIS;

    private final long overlapMillis;

    private RotationPolicy(long overlapMillis) {
        this.overlapMillis = overlapMillis;
    }

    public static RotationPolicy defaults() {
        return new RotationPolicy(DEFAULT_OVERLAP_MILLIS);
    }

    /** The rotation margin: how long before expiry the next certificate is made and published. */
    public static RotationPolicy withOverlapMillis(long overlapMillis) {
        if (overlapMillis < 2) {
            throw new IllegalArgumentException("the rotation overlap must be positive (got " + overlapMillis + " ms)");
        }
        return new RotationPolicy(overlapMillis);
    }

    public long overlapMillis() {
        return overlapMillis;
    }

    long overlapStart(ServerCertificate current) {
        return current.notAfterMillis() - overlapMillis;
    }

    long switchAt(ServerCertificate current) {
        return current.notAfterMillis() - overlapMillis / 2;
    }

    void checkAgainst(CertificateRequest request) {
        if (overlapMillis >= request.validityMillis()) {
            throw new IllegalArgumentException("the rotation overlap (" + overlapMillis + " ms) must be shorter than"
                    + " the certificate validity (" + request.validityMillis() + " ms)");
        }
    }
}
