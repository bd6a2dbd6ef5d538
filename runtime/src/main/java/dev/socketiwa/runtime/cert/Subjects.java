package dev.socketiwa.runtime.cert;

import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Subject strings to X.500 names: an RFC 4514 distinguished name when it contains '=' (e.g. {@code CN=echo,O=Example},
 * read the way the JDK and openssl's {@code -nameopt RFC2253} print it), else a bare common name.
 */
final class Subjects {
    private Subjects() {
    }

    static X500Name toX500Name(String subject) {
        if (subject.indexOf('=') >= 0) {
            try {
                // RFC 4514 strings list the most specific RDN first, DER the other way round (as the JDK does).
                RDN[] rdns = BCStyle.INSTANCE.fromString(subject);
                RDN[] reversed = new RDN[rdns.length];
                for (int i = 0; i < rdns.length; i++) {
                    reversed[i] = rdns[rdns.length - 1 - i];
                }
                return new X500Name(reversed);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("subject '" + subject + "' is not a distinguished name such as"
                        + " CN=localhost,O=Example (" + e.getMessage() + ")", e);
            }
        }
        return new X500Name(new RDN[] {new RDN(BCStyle.CN, new DERUTF8String(subject))});
    }
}
