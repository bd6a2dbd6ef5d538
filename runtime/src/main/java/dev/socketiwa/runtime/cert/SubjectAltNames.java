package dev.socketiwa.runtime.cert;

import java.util.List;

import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/**
 * Turns the user's SAN strings into X.509 GeneralNames. An entry is an IP address when it parses as an IPv4 or IPv6
 * literal (brackets allowed) or is prefixed {@code IP:}; a DNS name otherwise or when prefixed {@code DNS:}.
 */
final class SubjectAltNames {
    private SubjectAltNames() {
    }

    static GeneralNames toGeneralNames(List<String> entries) {
        GeneralName[] names = new GeneralName[entries.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = toGeneralName(entries.get(i));
        }
        return new GeneralNames(names);
    }

    static GeneralName toGeneralName(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("a subject alternative name is null");
        }
        String entry = raw.trim();
        if (startsWithIgnoreCase(entry, "IP:")) {
            String ip = stripBrackets(entry.substring(3).trim());
            if (!IPAddress.isValid(ip)) {
                throw new IllegalArgumentException("subject alternative name '" + raw
                        + "' is not an IPv4 or IPv6 address");
            }
            return ipName(ip);
        }
        if (startsWithIgnoreCase(entry, "DNS:")) {
            return dns(raw, entry.substring(4).trim());
        }
        String maybeIp = stripBrackets(entry);
        if (IPAddress.isValid(maybeIp)) {
            return ipName(maybeIp);
        }
        return dns(raw, entry);
    }

    private static GeneralName dns(String raw, String name) {
        String why = dnsProblem(name);
        if (why != null) {
            throw new IllegalArgumentException("subject alternative name '" + raw + "' is neither an IP address nor a"
                    + " valid DNS name (" + why + "); use e.g. localhost, example.test, *.example.test, 127.0.0.1, ::1");
        }
        return new GeneralName(GeneralName.dNSName, new DERIA5String(name));
    }

    // GeneralName's String constructor would also make X500Name string parsing reachable, which pulls
    // SimpleDateFormat into the wasm build; so the address octets are built here.
    private static GeneralName ipName(String ip) {
        return new GeneralName(GeneralName.iPAddress, new DEROctetString(ipOctets(ip)));
    }

    /** Octets of an address IPAddress.isValid accepted: 4 for IPv4, 16 for IPv6 (with :: and a dotted IPv4 tail). */
    static byte[] ipOctets(String ip) {
        if (ip.indexOf(':') < 0) {
            return ipv4(ip);
        }
        int[] groups = new int[8];
        int doubleColon = ip.indexOf("::");
        String head = doubleColon < 0 ? ip : ip.substring(0, doubleColon);
        String tail = doubleColon < 0 ? "" : ip.substring(doubleColon + 2);
        int[] headGroups = groups(head);
        int[] tailGroups = groups(tail);
        System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, groups, 8 - tailGroups.length, tailGroups.length);
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (groups[i] >> 8);
            out[2 * i + 1] = (byte) groups[i];
        }
        return out;
    }

    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] pieces = part.split(":", -1);
        boolean v4Tail = pieces[pieces.length - 1].indexOf('.') >= 0;
        int[] out = new int[pieces.length + (v4Tail ? 1 : 0)];
        for (int i = 0; i < pieces.length; i++) {
            if (v4Tail && i == pieces.length - 1) {
                byte[] v4 = ipv4(pieces[i]);
                out[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                out[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
            } else {
                out[i] = Integer.parseInt(pieces[i], 16);
            }
        }
        return out;
    }

    private static byte[] ipv4(String ip) {
        String[] parts = ip.split("\\.", -1);
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) Integer.parseInt(parts[i]);
        }
        return out;
    }

    private static String dnsProblem(String name) {
        if (name.isEmpty()) {
            return "empty";
        }
        if (name.length() > 253) {
            return "longer than 253 characters";
        }
        String rest = name.startsWith("*.") ? name.substring(2) : name;
        String[] labels = rest.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63) {
                return "each dot-separated label needs 1 to 63 characters";
            }
            if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
                return "a label starts or ends with '-'";
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
                if (!ok) {
                    return "character '" + c + "' is not allowed";
                }
            }
        }
        return null;
    }

    private static String stripBrackets(String s) {
        return s.length() > 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']' ? s.substring(1, s.length() - 1) : s;
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
