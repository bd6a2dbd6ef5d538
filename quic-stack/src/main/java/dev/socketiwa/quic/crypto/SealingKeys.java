package dev.socketiwa.quic.crypto;

/**
 * A rotating AES-128-GCM sealing box for state a server hands out and later gets back (session tickets, address
 * validation tokens), so the server itself stays stateless. A sealed box is {@code key id || nonce || ciphertext || tag}.
 *
 * <p>Two keys are live: the current one seals, the current and the previous one open. Every {@code rotationMillis} a
 * fresh random key becomes current and the oldest is forgotten, so anything sealed is refused at the latest two
 * rotation periods later, whatever lifetime its contents claim; callers still check their own expiry inside. Keys never
 * leave memory: a restarted server refuses what it sealed before, which costs a client one full handshake or one Retry.
 *
 * <p>Nonces are random (96 bits): with a key living one rotation period, the number of seals per key stays far below
 * the 2^32 that random GCM nonces allow. Sans-IO like the rest of the engine: the caller passes the time; not
 * thread-safe.
 */
public final class SealingKeys {
    /** Bytes a sealed box adds to its plaintext: key id, nonce, tag. */
    public static final int OVERHEAD = 1 + 12 + 16;

    private static final CipherSuite SUITE = CipherSuite.TLS_AES_128_GCM_SHA256;
    private static final byte[] NO_AAD = new byte[0];

    private final CryptoProvider crypto;
    private final long rotationMillis;
    private final byte[] nonce = new byte[12];
    private Aead current;
    private int currentId;
    private Aead previous;
    private int previousId = -1;
    private long currentSince;

    /**
     * @param rotationMillis how long a key seals before the next one takes over; choose it at least as long as the
     *                       longest lifetime of anything sealed, since a box opens for one to two periods
     */
    public SealingKeys(CryptoProvider crypto, long rotationMillis, long nowMillis) {
        if (rotationMillis <= 0) {
            throw new IllegalArgumentException("rotationMillis must be positive, got " + rotationMillis);
        }
        this.crypto = crypto;
        this.rotationMillis = rotationMillis;
        this.currentId = crypto.random().nextBytes(1)[0] & 0xff;
        this.current = freshKey();
        this.currentSince = nowMillis;
    }

    /** Seals the plaintext, bound to the aad (which is not included in the output; null means none). */
    public byte[] seal(long nowMillis, byte[] plaintext, byte[] aad) {
        advance(nowMillis);
        byte[] a = aad == null ? NO_AAD : aad;
        byte[] out = new byte[OVERHEAD + plaintext.length];
        out[0] = (byte) currentId;
        crypto.random().nextBytes(out, 1, 12);
        System.arraycopy(out, 1, nonce, 0, 12);
        current.seal(nonce, a, 0, a.length, plaintext, 0, plaintext.length, out, 13);
        return out;
    }

    /** The plaintext, or null when the box is malformed, tampered with, bound to other aad, or its key is gone. */
    public byte[] open(long nowMillis, byte[] box, byte[] aad) {
        return box == null ? null : open(nowMillis, box, 0, box.length, aad);
    }

    /** Like {@link #open(long, byte[], byte[])} for {@code box[off, off+len)}; never throws on bad input. */
    public byte[] open(long nowMillis, byte[] box, int off, int len, byte[] aad) {
        advance(nowMillis);
        if (len < OVERHEAD || off < 0 || off + len > box.length) {
            return null;
        }
        int id = box[off] & 0xff;
        Aead key = id == currentId ? current : id == previousId ? previous : null;
        if (key == null) {
            return null;
        }
        byte[] a = aad == null ? NO_AAD : aad;
        System.arraycopy(box, off + 1, nonce, 0, 12);
        byte[] out = new byte[len - OVERHEAD];
        return key.open(nonce, a, 0, a.length, box, off + 13, len - 13, out, 0) == out.length ? out : null;
    }

    /** Makes a fresh key current at once (e.g. when a key may have leaked); the current one still opens for a while. */
    public void rotate(long nowMillis) {
        previous = current;
        previousId = currentId;
        currentId = (currentId + 1) & 0xff;
        current = freshKey();
        currentSince = nowMillis;
    }

    private void advance(long nowMillis) {
        long elapsed = nowMillis - currentSince;
        if (elapsed < rotationMillis) {
            return;
        }
        long periods = elapsed / rotationMillis;
        rotate(currentSince + periods * rotationMillis);
        if (periods >= 2) {
            // The key that was current two or more periods ago must not open anything any more.
            previous = null;
            previousId = -1;
        }
    }

    private Aead freshKey() {
        byte[] key = crypto.random().nextBytes(SUITE.keyLength());
        return crypto.aead(SUITE, key);
    }
}
