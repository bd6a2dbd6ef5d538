package dev.socketiwa.quic.crypto;

/** The QUIC v1 Initial packet protection of both directions, derived from the client's first Destination Connection ID. */
public record InitialKeys(PacketProtection client, PacketProtection server) {
}
