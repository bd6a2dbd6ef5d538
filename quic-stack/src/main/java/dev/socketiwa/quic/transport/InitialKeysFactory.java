package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.crypto.InitialKeys;

/** QUIC v1 Initial keys from the client's first destination connection ID; CryptoProvider::initialKeys fits. */
public interface InitialKeysFactory {
    InitialKeys initialKeys(byte[] clientDestinationCid, int cidOff, int cidLen);
}
