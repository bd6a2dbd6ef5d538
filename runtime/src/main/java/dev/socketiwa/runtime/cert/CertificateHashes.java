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
     * One line for logs: {@code sha-256 <hex> (base64 <b64>) valid <iso> to <iso>}. Built with StringBuilder appends of
     * strings only, which keeps the wasm build free of Object.toString paths.
     */
    public static String describe(PublishedCertificate certificate) {
        return new StringBuilder(200).append("sha-256 ").append(certificate.sha256Hex()).append(" (base64 ")
                .append(certificate.sha256Base64()).append(") valid ")
                .append(Asn1Times.iso8601(certificate.notBeforeMillis())).append(" to ")
                .append(Asn1Times.iso8601(certificate.notAfterMillis())).toString();
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

    /**
     * The published certificates as JSON for the page (which shows hashes, expiry and the client snippet) or any app:
     * {@code {"certificates":[{"sha256":base64,"sha256Hex":hex,"notBefore":iso,"notAfter":iso,"notBeforeMillis":n,
     * "notAfterMillis":n}], "snippet":"serverCertificateHashes: [...]"}}. Only base64, hex, digits and the snippet's
     * own characters appear, so no escaping is needed.
     */
    public static String toJson(List<PublishedCertificate> certificates) {
        StringBuilder s = new StringBuilder(120 + certificates.size() * 400);
        s.append("{\"certificates\":[");
        for (int i = 0; i < certificates.size(); i++) {
            PublishedCertificate c = certificates.get(i);
            if (i > 0) {
                s.append(',');
            }
            s.append("{\"sha256\":\"").append(c.sha256Base64())
                    .append("\",\"sha256Hex\":\"").append(c.sha256Hex())
                    .append("\",\"notBefore\":\"").append(Asn1Times.iso8601(c.notBeforeMillis()))
                    .append("\",\"notAfter\":\"").append(Asn1Times.iso8601(c.notAfterMillis()))
                    .append("\",\"notBeforeMillis\":").append(c.notBeforeMillis())
                    .append(",\"notAfterMillis\":").append(c.notAfterMillis()).append('}');
        }
        s.append("],\"snippet\":\"").append(serverCertificateHashesSnippet(certificates)).append("\"}");
        return s.toString();
    }
}
