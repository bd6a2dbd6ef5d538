package dev.socketiwa.quic.tls;

import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.SealingKeys;
import java.nio.charset.StandardCharsets;

/**
 * Session tickets sealed with {@link SealingKeys}: a fresh AES-128-GCM key every rotation period, tickets of the
 * previous key still open, older ones do not. The associated data names the purpose, so a box sealed for something
 * else (an address validation token) never opens as a ticket even under a shared key. One per server endpoint.
 */
public final class RotatingTicketKeys implements TicketSealer {
    private static final byte[] PURPOSE = "socketiwa tls13 session ticket".getBytes(StandardCharsets.US_ASCII);

    private final CryptoProvider crypto;
    private final long rotationMillis;
    private SealingKeys keys;

    /** @param rotationMillis how long one key seals new tickets; should be at least the ticket lifetime */
    public RotatingTicketKeys(CryptoProvider crypto, long rotationMillis) {
        if (crypto == null || rotationMillis <= 0) {
            throw new IllegalArgumentException("ticket keys need a CryptoProvider and a positive rotation period");
        }
        this.crypto = crypto;
        this.rotationMillis = rotationMillis;
    }

    private SealingKeys keys(long nowMillis) {
        if (keys == null) {
            keys = new SealingKeys(crypto, rotationMillis, nowMillis);
        }
        return keys;
    }

    @Override
    public byte[] seal(byte[] plaintext, long nowMillis) {
        return keys(nowMillis).seal(nowMillis, plaintext, PURPOSE);
    }

    @Override
    public byte[] open(byte[] sealed, long nowMillis) {
        return keys(nowMillis).open(nowMillis, sealed, PURPOSE);
    }
}
