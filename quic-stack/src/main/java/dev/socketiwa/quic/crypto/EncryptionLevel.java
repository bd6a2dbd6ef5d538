package dev.socketiwa.quic.crypto;

public enum EncryptionLevel { INITIAL, EARLY_DATA, HANDSHAKE, APPLICATION }
