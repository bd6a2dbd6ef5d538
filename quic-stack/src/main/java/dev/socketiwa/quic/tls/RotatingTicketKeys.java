package dev.socketiwa.quic.tls;

import dev.socketiwa.quic.crypto.Aead;
import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;

/**
 * AES-128-GCM ticket sealing under a key that is replaced every rotation period; tickets of the previous key still
 * open, older ones do not, so a leaked key exposes at most two periods of tickets. Layout: key id (4), nonce (12),
 * ciphertext + tag. The key id is authenticated as associated data. One per server endpoint; not thread-safe.
 */
public final class RotatingTicketKeys implements TicketSealer {
    private static final int ID = 4;
    private static final int NONCE = 12;
    private static final int TAG = 16;

    private final CryptoProvider crypto;
    private final long rotationMillis;
    private Aead current;
    private int currentId;
    private long currentSince = Long.MIN_VALUE;
    private Aead previous;
    private int previousId;

    /** @param rotationMillis how long one key seals new tickets; should be at least the ticket lifetime */
    public RotatingTicketKeys(CryptoProvider crypto, long rotationMillis) {
        if (crypto == null || rotationMillis <= 0) {
            throw new IllegalArgumentException("ticket keys need a CryptoProvider and a positive rotation period");
        }
        this.crypto = crypto;
        this.rotationMillis = rotationMillis;
    }

    private void rotateIfDue(long now) {
        if (current != null && now - currentSince < rotationMillis) {
            return;
        }
        boolean skippedPeriod = current != null && now - currentSince >= 2 * rotationMillis;
        previous = skippedPeriod ? null : current;
        previousId = currentId;
        byte[] key = crypto.random().nextBytes(16);
        current = crypto.aead(CipherSuite.TLS_AES_128_GCM_SHA256, key);
        byte[] id = crypto.random().nextBytes(ID);
        currentId = (id[0] & 0xff) << 24 | (id[1] & 0xff) << 16 | (id[2] & 0xff) << 8 | (id[3] & 0xff);
        if (currentId == previousId) {
            currentId ^= 1;
        }
        currentSince = now;
    }

    @Override
    public byte[] seal(byte[] plaintext, long nowMillis) {
        rotateIfDue(nowMillis);
        byte[] out = new byte[ID + NONCE + plaintext.length + TAG];
        for (int i = 0; i < ID; i++) {
            out[i] = (byte) (currentId >>> (24 - 8 * i));
        }
        crypto.random().nextBytes(out, ID, NONCE);
        byte[] nonce = java.util.Arrays.copyOfRange(out, ID, ID + NONCE);
        current.seal(nonce, out, 0, ID, plaintext, 0, plaintext.length, out, ID + NONCE);
        return out;
    }

    @Override
    public byte[] open(byte[] sealed, long nowMillis) {
        rotateIfDue(nowMillis);
        if (sealed == null || sealed.length < ID + NONCE + TAG) {
            return null;
        }
        int id = (sealed[0] & 0xff) << 24 | (sealed[1] & 0xff) << 16 | (sealed[2] & 0xff) << 8 | (sealed[3] & 0xff);
        Aead key = id == currentId ? current : previous != null && id == previousId ? previous : null;
        if (key == null) {
            return null;
        }
        byte[] nonce = java.util.Arrays.copyOfRange(sealed, ID, ID + NONCE);
        byte[] out = new byte[sealed.length - ID - NONCE - TAG];
        int n = key.open(nonce, sealed, 0, ID, sealed, ID + NONCE, sealed.length - ID - NONCE, out, 0);
        return n == out.length ? out : null;
    }
}
