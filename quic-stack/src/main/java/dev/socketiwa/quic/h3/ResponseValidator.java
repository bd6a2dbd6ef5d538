package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.h3.qpack.HeaderField;

import java.util.List;

/**
 * Rules a response's field section must follow (RFC 9114 §4.1.2, §4.2, §4.3.2): exactly one {@code :status} of three
 * digits and no other pseudo-header, pseudo-headers first, lowercase names, no connection-specific fields. A violation
 * makes the response malformed: the client resets the stream with H3_MESSAGE_ERROR.
 */
public final class ResponseValidator {
    private ResponseValidator() {
    }

    /** Why the response headers are malformed, or null when they are fine. */
    public static String check(List<HeaderField> fields) {
        if (fields.isEmpty() || !fields.get(0).name.equals(":status")) return "response without :status first";
        String status = fields.get(0).value;
        if (status.length() != 3) return "bad :status " + status;
        for (int i = 0; i < 3; i++) {
            char c = status.charAt(i);
            if (c < '0' || c > '9') return "bad :status " + status;
        }
        if (status.charAt(0) == '0') return "bad :status " + status;
        return regular(fields, 1);
    }

    /** Why a trailer section is malformed (any pseudo-header is), or null. */
    public static String checkTrailers(List<HeaderField> fields) {
        return regular(fields, 0);
    }

    private static String regular(List<HeaderField> fields, int from) {
        for (int i = from; i < fields.size(); i++) {
            String n = fields.get(i).name;
            if (n.isEmpty()) return "empty field name";
            if (n.charAt(0) == ':') return "pseudo-header " + n + " where only regular fields may be";
            for (int j = 0; j < n.length(); j++) {
                char c = n.charAt(j);
                if (c >= 'A' && c <= 'Z') return "uppercase field name " + n;
            }
            if (n.equals("connection") || n.equals("keep-alive") || n.equals("proxy-connection")
                    || n.equals("transfer-encoding") || n.equals("upgrade")) {
                return "connection-specific field " + n;
            }
        }
        return null;
    }
}
