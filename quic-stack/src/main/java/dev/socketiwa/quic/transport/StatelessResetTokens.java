package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.packet.ConnectionId;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Stateless reset tokens derived from the connection ID with an endpoint secret (RFC 9000 §10.3.2), so an endpoint
 * that lost all state can still reset connections it served. BC lightweight HMAC: portable to wasm.
 */
public final class StatelessResetTokens {
    private final HMac mac = new HMac(new SHA256Digest());
    private final byte[] out = new byte[32];

    public StatelessResetTokens(byte[] secret) {
        mac.init(new KeyParameter(secret));
    }

    public byte[] tokenFor(ConnectionId cid) {
        byte[] b = cid.toBytes();
        return tokenFor(b, 0, b.length);
    }

    public byte[] tokenFor(byte[] buf, int off, int len) {
        mac.update(buf, off, len);
        mac.doFinal(out, 0);
        byte[] token = new byte[16];
        System.arraycopy(out, 0, token, 0, 16);
        return token;
    }
}
