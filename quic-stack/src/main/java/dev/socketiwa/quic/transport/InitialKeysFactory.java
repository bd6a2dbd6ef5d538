package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.crypto.InitialKeys;

/** QUIC v1 Initial keys from the client's first destination connection ID; CryptoProvider::initialKeys fits. */
public interface InitialKeysFactory {
    InitialKeys initialKeys(byte[] clientDestinationCid, int cidOff, int cidLen);

    /**
     * Checks a Retry packet's integrity tag (RFC 9001 §5.8) against the client's original DCID. Without an
     * implementation Retry packets are dropped; {@link CryptoKeys} provides one.
     */
    default boolean verifyRetry(byte[] odcid, int odcidOff, int odcidLen, byte[] packet, int off, int len) {
        return false;
    }

    /** The Retry integrity tag for a Retry packet without its tag; null when Retry is not supported. */
    default byte[] retryTag(byte[] odcid, int odcidOff, int odcidLen, byte[] packet, int off, int len) {
        return null;
    }
}
