package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.InitialKeys;
import dev.socketiwa.quic.crypto.RetryIntegrity;

/** Initial keys and Retry integrity from a crypto provider. */
public final class CryptoKeys implements InitialKeysFactory {
    private final CryptoProvider crypto;

    public CryptoKeys(CryptoProvider crypto) {
        this.crypto = crypto;
    }

    /** The provider, for the endpoint's other cryptography (address validation tokens). */
    CryptoProvider provider() {
        return crypto;
    }

    @Override
    public InitialKeys initialKeys(byte[] cid, int off, int len) {
        return crypto.initialKeys(cid, off, len);
    }

    @Override
    public boolean verifyRetry(byte[] odcid, int odcidOff, int odcidLen, byte[] packet, int off, int len) {
        return RetryIntegrity.verify(crypto, odcid, odcidOff, odcidLen, packet, off, len);
    }

    @Override
    public byte[] retryTag(byte[] odcid, int odcidOff, int odcidLen, byte[] packet, int off, int len) {
        return RetryIntegrity.tag(crypto, odcid, odcidOff, odcidLen, packet, off, len);
    }
}
