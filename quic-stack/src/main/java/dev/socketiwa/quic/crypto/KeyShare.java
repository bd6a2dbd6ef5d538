package dev.socketiwa.quic.crypto;

/** One ephemeral (EC)DHE key pair; used once per handshake, then dropped. */
public interface KeyShare {
    NamedGroup group();

    /** The encoded public key as sent in the key_share extension. */
    byte[] publicKey();

    /**
     * The shared secret with the peer's encoded public key, or null when that key is malformed, not on the curve or
     * yields an all-zero X25519 result (the caller answers with illegal_parameter).
     */
    byte[] agree(byte[] peerPublicKey);
}
