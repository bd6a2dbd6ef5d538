package dev.socketiwa.quic.crypto;

/** The four QUIC encryption levels (RFC 9001 §2.1); each but EARLY_DATA has its own packet number space. */
public enum EncryptionLevel {
    INITIAL, EARLY_DATA, HANDSHAKE, APPLICATION
}
