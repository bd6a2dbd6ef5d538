package dev.socketiwa.quic.crypto;

public record InitialKeys(PacketProtection client, PacketProtection server) {}
