package dev.socketiwa.plugin.core.sign;

import java.util.Locale;

/**
 * The Signed Web Bundle ID of a key: lowercase RFC 4648 base32, no padding, of raw public key || type suffix
 * (IWA Scheme.md). The app's origin is {@code isolated-app://<id>/}.
 */
public record WebBundleId(String id) {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static WebBundleId of(SigningKey key) {
        byte[] pub = key.rawPublicKey();
        byte[] suffix = key.webBundleIdSuffix();
        byte[] all = new byte[pub.length + suffix.length];
        System.arraycopy(pub, 0, all, 0, pub.length);
        System.arraycopy(suffix, 0, all, pub.length, suffix.length);
        return new WebBundleId(base32(all).toLowerCase(Locale.ROOT));
    }

    public String origin() {
        return "isolated-app://" + id + "/";
    }

    @Override
    public String toString() {
        return id;
    }

    static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }
}
