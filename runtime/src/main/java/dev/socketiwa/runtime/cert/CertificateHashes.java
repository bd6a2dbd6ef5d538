package dev.socketiwa.runtime.cert;

import java.util.List;

/** Text forms of certificate hashes for people and pages: hex and the JavaScript {@code serverCertificateHashes} option. */
public final class CertificateHashes {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CertificateHashes() {
    }

    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /**
     * The property to paste into the options of {@code new WebTransport(url, { ... })}, e.g.
     * {@code serverCertificateHashes: [{ algorithm: 'sha-256', value: new Uint8Array([12, 34, ...]) }]}. Byte values as
     * decimal literals: valid in any JavaScript context, nothing to decode, no helper functions.
     */
    public static String serverCertificateHashesSnippet(List<PublishedCertificate> certificates) {
        StringBuilder s = new StringBuilder(40 + certificates.size() * 180);
        s.append("serverCertificateHashes: [");
        for (int c = 0; c < certificates.size(); c++) {
            if (c > 0) {
                s.append(", ");
            }
            s.append("{ algorithm: 'sha-256', value: new Uint8Array([");
            byte[] hash = certificates.get(c).sha256();
            for (int i = 0; i < hash.length; i++) {
                if (i > 0) {
                    s.append(", ");
                }
                s.append(hash[i] & 0xff);
            }
            s.append("]) }");
        }
        return s.append(']').toString();
    }
}
