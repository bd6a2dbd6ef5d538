package dev.socketiwa.runtime.cert;

import java.util.Base64;

/** RFC 7468 textual encoding: the label lines plus base64 of the DER, wrapped at 64 columns. */
public final class Pem {
    public static final String CERTIFICATE = "CERTIFICATE";
    public static final String PRIVATE_KEY = "PRIVATE KEY";

    private Pem() {
    }

    public static String encode(String label, byte[] der) {
        String body = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder(body.length() + body.length() / 64 + 2 * label.length() + 40);
        out.append("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < body.length(); i += 64) {
            out.append(body, i, Math.min(body.length(), i + 64)).append('\n');
        }
        out.append("-----END ").append(label).append("-----\n");
        return out.toString();
    }

    /**
     * The DER inside the first block with this label. Text around the block (comments such as openssl's "Bag
     * Attributes") is ignored; a missing block, a different label or bad base64 is an error naming what was expected.
     */
    public static byte[] decode(String label, String text) {
        if (text == null) {
            throw new CertificateFormatException("no PEM text (expected a -----BEGIN " + label + "----- block)");
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int start = text.indexOf(begin);
        if (start < 0) {
            int other = text.indexOf("-----BEGIN ");
            String found = other < 0 ? "no PEM block at all" : "a block starting " + firstLine(text, other);
            throw new CertificateFormatException("expected a -----BEGIN " + label + "----- block, found " + found);
        }
        int bodyStart = start + begin.length();
        int stop = text.indexOf(end, bodyStart);
        if (stop < 0) {
            throw new CertificateFormatException("PEM block " + label + " has no " + end + " line (truncated file?)");
        }
        StringBuilder base64 = new StringBuilder(stop - bodyStart);
        for (int i = bodyStart; i < stop; i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                base64.append(c);
            }
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new CertificateFormatException("PEM block " + label + " is not valid base64: " + e.getMessage(), e);
        }
        if (der.length == 0) {
            throw new CertificateFormatException("PEM block " + label + " is empty");
        }
        return der;
    }

    private static String firstLine(String text, int from) {
        int nl = text.indexOf('\n', from);
        String line = nl < 0 ? text.substring(from) : text.substring(from, nl);
        return line.length() > 60 ? line.substring(0, 60) + "..." : line.trim();
    }
}
