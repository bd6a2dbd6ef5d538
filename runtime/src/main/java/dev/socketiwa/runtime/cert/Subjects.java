package dev.socketiwa.runtime.cert;

import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Subject strings to X.500 names: an RFC 4514 distinguished name when it contains '=' (e.g.
 * {@code CN=echo,O=Example}, most specific first, the way the JDK and {@code openssl -nameopt RFC2253} print it),
 * otherwise a bare common name.
 *
 * <p>Parsed here rather than with Bouncy Castle's BCStyle, whose string parsing can build date attributes through
 * SimpleDateFormat and time zones that the wasm build lacks. Attribute types: CN, O, OU, C, L, ST; backslash escapes
 * the next character.
 */
final class Subjects {
    private static final String[] TYPES = {"CN", "O", "OU", "C", "L", "ST"};
    private static final String[] OIDS = {"2.5.4.3", "2.5.4.10", "2.5.4.11", "2.5.4.6", "2.5.4.7", "2.5.4.8"};

    private Subjects() {
    }

    static X500Name toX500Name(String subject) {
        if (subject.indexOf('=') < 0) {
            return new X500Name(new RDN[] {rdn("CN", subject, subject)});
        }
        List<String> parts = splitUnescaped(subject);
        RDN[] rdns = new RDN[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw problem(subject, "'" + part.trim() + "' is not TYPE=value");
            }
            String type = part.substring(0, eq).trim();
            String value = unescape(part.substring(eq + 1).trim());
            // RFC 4514 lists the most specific RDN first; DER holds them the other way round.
            rdns[parts.size() - 1 - i] = rdn(type, value, subject);
        }
        return new X500Name(rdns);
    }

    private static RDN rdn(String type, String value, String subject) {
        if (value.isEmpty()) {
            throw problem(subject, type + " has an empty value");
        }
        for (int t = 0; t < TYPES.length; t++) {
            if (TYPES[t].equalsIgnoreCase(type)) {
                ASN1Encodable encoded;
                if ("C".equals(TYPES[t])) {
                    if (value.length() != 2 || !DERPrintableString.isPrintableString(value)) {
                        throw problem(subject, "C must be a two-letter country code");
                    }
                    encoded = new DERPrintableString(value);
                } else {
                    encoded = new DERUTF8String(value);
                }
                return new RDN(new ASN1ObjectIdentifier(OIDS[t]), encoded);
            }
        }
        throw problem(subject, "attribute type '" + type + "' is not one of CN, O, OU, C, L, ST");
    }

    private static List<String> splitUnescaped(String s) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                current.append(c).append(s.charAt(++i));
            } else if (c == ',') {
                parts.add(current.toString());
                current.setLength(0);
            } else if (c == '+') {
                throw problem(s, "multi-valued RDNs ('+') are not supported");
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static IllegalArgumentException problem(String subject, String why) {
        return new IllegalArgumentException("subject '" + subject + "' is not a distinguished name such as"
                + " CN=localhost,O=Example (" + why + ")");
    }
}
