package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.h3.qpack.HeaderField;

import java.util.List;

/**
 * Rules a request's field section must follow (RFC 9114 §4.1.2, §4.2, §4.3.1, §4.4; RFC 9220 §3 for extended CONNECT).
 * A violation makes the request malformed: the stream is reset with H3_MESSAGE_ERROR.
 */
public final class RequestValidator {
    private RequestValidator() {
    }

    /** Why the request headers are malformed, or null when they are fine. */
    public static String check(List<HeaderField> fields, boolean extendedConnectEnabled) {
        String method = null;
        String scheme = null;
        String path = null;
        String authority = null;
        String protocol = null;
        boolean regularSeen = false;
        boolean host = false;
        for (int i = 0; i < fields.size(); i++) {
            HeaderField f = fields.get(i);
            String n = f.name;
            if (n.isEmpty()) return "empty field name";
            String bad = badCharacters(f);
            if (bad != null) return bad;
            if (n.charAt(0) == ':') {
                if (regularSeen) return "pseudo-header " + n + " after a regular field";
                String v = f.value;
                switch (n) {
                    case ":method":
                        if (method != null) return "duplicate :method";
                        method = v;
                        break;
                    case ":scheme":
                        if (scheme != null) return "duplicate :scheme";
                        scheme = v;
                        break;
                    case ":path":
                        if (path != null) return "duplicate :path";
                        path = v;
                        break;
                    case ":authority":
                        if (authority != null) return "duplicate :authority";
                        authority = v;
                        break;
                    case ":protocol":
                        if (protocol != null) return "duplicate :protocol";
                        protocol = v;
                        break;
                    default:
                        return "pseudo-header " + n + " is not allowed in a request";
                }
                continue;
            }
            regularSeen = true;
            switch (n) {
                case "connection":
                case "keep-alive":
                case "proxy-connection":
                case "transfer-encoding":
                case "upgrade":
                    return "connection-specific field " + n;
                case "te":
                    if (!f.value.equals("trailers")) return "te other than trailers";
                    break;
                case "content-length":
                    if (!isDigits(f.value)) return "content-length is not a number";
                    break;
                case "host":
                    host = true;
                    break;
                default:
                    break;
            }
        }
        if (method == null || method.isEmpty()) return "missing :method";
        if (protocol != null) {
            if (!method.equals("CONNECT")) return ":protocol without CONNECT";
            if (!extendedConnectEnabled) return ":protocol but SETTINGS_ENABLE_CONNECT_PROTOCOL was not sent";
            if (scheme == null || path == null || path.isEmpty() || authority == null) {
                return "extended CONNECT needs :scheme, :path and :authority";
            }
            return null;
        }
        if (method.equals("CONNECT")) {
            if (scheme != null || path != null) return "CONNECT with :scheme or :path";
            if (authority == null || authority.isEmpty()) return "CONNECT without :authority";
            return null;
        }
        if (scheme == null || scheme.isEmpty()) return "missing :scheme";
        if (path == null || path.isEmpty()) return "missing or empty :path";
        // http and https have a mandatory authority component (RFC 9114 §4.3.1)
        if ((scheme.equals("https") || scheme.equals("http")) && (authority == null || authority.isEmpty()) && !host) {
            return "missing :authority (and no host) for " + scheme;
        }
        return null;
    }

    /** Trailers carry no pseudo-headers (RFC 9114 §4.3). */
    public static String checkTrailers(List<HeaderField> fields) {
        for (int i = 0; i < fields.size(); i++) {
            HeaderField f = fields.get(i);
            if (f.name.isEmpty() || f.name.charAt(0) == ':') return "pseudo-header in trailers";
            String bad = badCharacters(f);
            if (bad != null) return bad;
        }
        return null;
    }

    private static String badCharacters(HeaderField f) {
        String n = f.name;
        for (int i = n.charAt(0) == ':' ? 1 : 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c >= 'A' && c <= 'Z') return "upper-case field name " + n;
            if (c <= 0x20 || c >= 0x7f || c == ':') return "invalid character in field name";
        }
        String v = f.value;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == 0 || c == '\r' || c == '\n') return "invalid character in the value of " + n;
        }
        return null;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 18) return false;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }
}
