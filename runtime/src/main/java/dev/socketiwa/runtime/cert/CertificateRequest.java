package dev.socketiwa.runtime.cert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What to put in a generated certificate: subject, subject alternative names and validity. Immutable; the
 * {@code with...} methods validate at once so a bad value fails where it is given.
 */
public final class CertificateRequest {
    public static final long DAY_MILLIS = 86_400_000L;
    /** One day under the limit, so clock skew between server and browser never makes a fresh certificate too long. */
    public static final long DEFAULT_VALIDITY_MILLIS = 13 * DAY_MILLIS;
    /** The WebTransport serverCertificateHashes limit: a validity period longer than two weeks is refused. */
    public static final long MAX_VALIDITY_MILLIS = 14 * DAY_MILLIS;
    public static final String DEFAULT_SUBJECT = "localhost";
    public static final List<String> DEFAULT_SUBJECT_ALT_NAMES =
            Collections.unmodifiableList(java.util.Arrays.asList("localhost", "127.0.0.1"));

    private final String subject;
    private final List<String> subjectAltNames;
    private final long validityMillis;

    private CertificateRequest(String subject, List<String> subjectAltNames, long validityMillis) {
        this.subject = subject;
        this.subjectAltNames = subjectAltNames;
        this.validityMillis = validityMillis;
    }

    /** CN=localhost, SANs localhost and 127.0.0.1, valid 13 days. */
    public static CertificateRequest defaults() {
        return new CertificateRequest(DEFAULT_SUBJECT, DEFAULT_SUBJECT_ALT_NAMES, DEFAULT_VALIDITY_MILLIS);
    }

    /**
     * The subject: a distinguished name when it contains '=' (e.g. {@code CN=echo,O=Example}), otherwise the common
     * name alone.
     */
    public CertificateRequest withSubject(String subject) {
        if (subject == null || subject.trim().isEmpty()) {
            throw new IllegalArgumentException("the certificate subject is empty; give a name such as 'localhost'");
        }
        Subjects.toX500Name(subject.trim()); // validates
        return new CertificateRequest(subject.trim(), subjectAltNames, validityMillis);
    }

    /** DNS names and IP addresses (see {@link SubjectAltNames}); at least one. */
    public CertificateRequest withSubjectAltNames(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("at least one subject alternative name is required (e.g. localhost,"
                    + " 127.0.0.1): browsers that check names find none otherwise");
        }
        List<String> copy = new ArrayList<>(names.size());
        for (String name : names) {
            SubjectAltNames.toGeneralName(name); // validates
            copy.add(name.trim());
        }
        return new CertificateRequest(subject, Collections.unmodifiableList(copy), validityMillis);
    }

    public CertificateRequest withValidityDays(int days) {
        if (days < 1 || days > 14) {
            throw new IllegalArgumentException("validity of " + days + " days is not allowed: WebTransport"
                    + " serverCertificateHashes accepts at most 14 days; use 1 to 14 (default 13)");
        }
        return withValidityMillis(days * DAY_MILLIS);
    }

    /** Any length from one minute up to {@link #MAX_VALIDITY_MILLIS} (short ones are for rotation tests). */
    public CertificateRequest withValidityMillis(long millis) {
        if (millis > MAX_VALIDITY_MILLIS) {
            throw new IllegalArgumentException("validity of " + millis + " ms exceeds 14 days, which WebTransport"
                    + " serverCertificateHashes refuses; use at most " + MAX_VALIDITY_MILLIS + " ms");
        }
        if (millis < 60_000) {
            throw new IllegalArgumentException("validity of " + millis + " ms is too short; use at least one minute");
        }
        return new CertificateRequest(subject, subjectAltNames, millis);
    }

    public String subject() {
        return subject;
    }

    public List<String> subjectAltNames() {
        return subjectAltNames;
    }

    public long validityMillis() {
        return validityMillis;
    }
}
