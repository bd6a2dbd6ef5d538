package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.packet.ConnectionId;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;

/**
 * Retry tokens (RFC 9000 §8.1.2): issue time, the client's original DCID and a MAC binding both to the client's address,
 * so only the address that received the Retry can use it, and only for a while.
 */
final class RetryTokens {
    private static final int MAC = 16;
    private final HMac mac = new HMac(new SHA256Digest());
    private final byte[] out = new byte[32];

    RetryTokens(byte[] secret) {
        mac.init(new KeyParameter(secret));
    }

    byte[] issue(long nowMillis, ConnectionId odcid, Object address) {
        byte[] od = odcid.toBytes();
        byte[] t = new byte[8 + 1 + od.length + MAC];
        for (int i = 0; i < 8; i++) t[i] = (byte) (nowMillis >>> (56 - 8 * i));
        t[8] = (byte) od.length;
        System.arraycopy(od, 0, t, 9, od.length);
        sign(t, 9 + od.length, address);
        System.arraycopy(out, 0, t, 9 + od.length, MAC);
        return t;
    }

    /** The original DCID the token carries, or null when it is forged, for another address or expired. */
    ConnectionId validate(byte[] buf, int off, int len, Object address, long nowMillis, long lifetimeMillis) {
        if (len < 9 + MAC) return null;
        int odLen = buf[off + 8] & 0xff;
        if (odLen > ConnectionId.MAX_LENGTH || len != 9 + odLen + MAC) return null;
        byte[] t = java.util.Arrays.copyOfRange(buf, off, off + len);
        sign(t, 9 + odLen, address);
        int diff = 0;
        for (int i = 0; i < MAC; i++) diff |= out[i] ^ t[9 + odLen + i];
        if (diff != 0) return null;
        long issued = 0;
        for (int i = 0; i < 8; i++) issued = (issued << 8) | (t[i] & 0xff);
        if (nowMillis < issued || nowMillis - issued > lifetimeMillis) return null;
        return ConnectionId.of(t, 9, odLen);
    }

    private void sign(byte[] t, int len, Object address) {
        mac.update(t, 0, len);
        byte[] a = String.valueOf(address).getBytes(StandardCharsets.UTF_8);
        mac.update(a, 0, a.length);
        mac.doFinal(out, 0);
    }
}
