package dev.socketiwa.runtime.cert;

import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Subject strings to X.500 names: a distinguished name when it contains '=', else a bare common name. */
final class Subjects {
    private Subjects() {
    }

    static X500Name toX500Name(String subject) {
        if (subject.indexOf('=') >= 0) {
            try {
                return new X500Name(BCStyle.INSTANCE, subject);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("subject '" + subject + "' is not a distinguished name such as"
                        + " CN=localhost,O=Example (" + e.getMessage() + ")", e);
            }
        }
        return new X500Name(new RDN[] {new RDN(BCStyle.CN, new DERUTF8String(subject))});
    }
}
