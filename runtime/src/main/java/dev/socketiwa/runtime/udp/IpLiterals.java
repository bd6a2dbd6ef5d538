package dev.socketiwa.runtime.udp;

/** Numeric IP address text to bytes and back, without java.net (unavailable in the wasm build). */
final class IpLiterals {
    private IpLiterals() {
    }

    static byte[] parse(String host) {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("empty IP address");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.indexOf(':') >= 0 ? parseV6(host) : parseV4(host, host);
    }

    private static byte[] parseV4(String text, String whole) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    throw bad(whole);
                }
            } else if (c == '.' && value >= 0 && part < 4) {
                out[part++] = (byte) value;
                value = -1;
            } else {
                throw bad(whole);
            }
        }
        if (part != 4) {
            throw bad(whole);
        }
        return out;
    }

    private static byte[] parseV6(String text) {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = 0;
        if (text.startsWith("::")) {
            gap = 0;
            i = 2;
        }
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && text.charAt(end) != ':') {
                end++;
            }
            String piece = text.substring(i, end);
            if (piece.indexOf('.') >= 0 && end == text.length() && count <= 6) {
                byte[] v4 = parseV4(piece, text);
                groups[count++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                groups[count++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
                i = end;
                break;
            }
            if (piece.isEmpty() || piece.length() > 4 || count == 8) {
                throw bad(text);
            }
            int v = 0;
            for (int k = 0; k < piece.length(); k++) {
                int d = Character.digit(piece.charAt(k), 16);
                if (d < 0) {
                    throw bad(text);
                }
                v = v * 16 + d;
            }
            groups[count++] = v;
            if (end == text.length()) {
                i = end;
            } else if (end + 1 < text.length() && text.charAt(end + 1) == ':') {
                if (gap >= 0) {
                    throw bad(text);
                }
                gap = count;
                i = end + 2;
            } else if (end + 1 == text.length()) {
                throw bad(text);
            } else {
                i = end + 1;
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            throw bad(text);
        }
        byte[] out = new byte[16];
        int shift = 8 - count;
        for (int g = 0; g < count; g++) {
            int at = gap >= 0 && g >= gap ? g + shift : g;
            out[at * 2] = (byte) (groups[g] >> 8);
            out[at * 2 + 1] = (byte) groups[g];
        }
        return out;
    }

    static String format(byte[] a) {
        StringBuilder sb = new StringBuilder(39);
        if (a.length == 4) {
            for (int i = 0; i < 4; i++) {
                if (i > 0) {
                    sb.append('.');
                }
                sb.append(a[i] & 0xff);
            }
        } else {
            for (int i = 0; i < 16; i += 2) {
                if (i > 0) {
                    sb.append(':');
                }
                sb.append(Integer.toHexString(((a[i] & 0xff) << 8) | (a[i + 1] & 0xff)));
            }
        }
        return sb.toString();
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("not a numeric IP address: '" + text + "' (names are not resolved; use e.g. 127.0.0.1 or ::1)");
    }
}
