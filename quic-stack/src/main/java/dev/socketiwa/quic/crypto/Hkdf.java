package dev.socketiwa.quic.crypto;

import java.nio.charset.StandardCharsets;

/** HKDF (RFC 5869) and TLS 1.3's HKDF-Expand-Label (RFC 8446 §7.1) over a provider's HMAC. Handshake-time only. */
public final class Hkdf {
    private static final byte[] EMPTY = new byte[0];

    private Hkdf() {
    }

    public static byte[] extract(CryptoProvider p, int hashLength, byte[] salt, byte[] ikm) {
        byte[] s = salt == null || salt.length == 0 ? new byte[hashLength] : salt;
        byte[] k = ikm == null ? new byte[hashLength] : ikm;
        return p.hmac(hashLength, s, k, 0, k.length);
    }

    public static byte[] expand(CryptoProvider p, int hashLength, byte[] prk, byte[] info, int length) {
        if (length > 255 * hashLength) {
            throw new IllegalArgumentException("HKDF-Expand length too large: " + length);
        }
        byte[] out = new byte[length];
        byte[] t = EMPTY;
        byte[] input = new byte[hashLength + info.length + 1];
        int done = 0;
        for (int i = 1; done < length; i++) {
            System.arraycopy(t, 0, input, 0, t.length);
            System.arraycopy(info, 0, input, t.length, info.length);
            input[t.length + info.length] = (byte) i;
            t = p.hmac(hashLength, prk, input, 0, t.length + info.length + 1);
            int n = Math.min(t.length, length - done);
            System.arraycopy(t, 0, out, done, n);
            done += n;
        }
        return out;
    }

    /** HKDF-Expand-Label(secret, "tls13 " + label, context, length). */
    public static byte[] expandLabel(CryptoProvider p, int hashLength, byte[] secret, String label, byte[] context, int length) {
        byte[] l = label.getBytes(StandardCharsets.US_ASCII);
        byte[] ctx = context == null ? EMPTY : context;
        byte[] info = new byte[2 + 1 + 6 + l.length + 1 + ctx.length];
        int i = 0;
        info[i++] = (byte) (length >>> 8);
        info[i++] = (byte) length;
        info[i++] = (byte) (6 + l.length);
        for (byte b : TLS13) {
            info[i++] = b;
        }
        System.arraycopy(l, 0, info, i, l.length);
        i += l.length;
        info[i++] = (byte) ctx.length;
        System.arraycopy(ctx, 0, info, i, ctx.length);
        return expand(p, hashLength, secret, info, length);
    }

    private static final byte[] TLS13 = "tls13 ".getBytes(StandardCharsets.US_ASCII);
}
