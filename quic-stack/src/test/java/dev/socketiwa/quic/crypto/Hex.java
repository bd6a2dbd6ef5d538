package dev.socketiwa.quic.crypto;

/** Hex helpers for known-answer tests; whitespace in the input is ignored so RFC layouts can be pasted. */
public final class Hex {
    private Hex() {
    }

    public static byte[] decode(String s) {
        String t = s.replaceAll("\\s+", "");
        byte[] b = new byte[t.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(t.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    public static String encode(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = off; i < off + len; i++) {
            sb.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return sb.toString();
    }

    public static String encode(byte[] b) {
        return encode(b, 0, b.length);
    }
}
