package dev.socketiwa.quic.packet;

import dev.socketiwa.quic.crypto.EncryptionLevel;

public enum PacketType {
    INITIAL(EncryptionLevel.INITIAL),
    ZERO_RTT(EncryptionLevel.EARLY_DATA),
    HANDSHAKE(EncryptionLevel.HANDSHAKE),
    RETRY(null),
    ONE_RTT(EncryptionLevel.APPLICATION),
    VERSION_NEGOTIATION(null);

    private final EncryptionLevel level;

    PacketType(EncryptionLevel level) {
        this.level = level;
    }

    /** The encryption level protecting this packet type; null for Retry and Version Negotiation. */
    public EncryptionLevel level() { return level; }

    /** Long-header type bits (RFC 9000 §17.2) for QUIC v1. */
    public int longTypeBits() {
        switch (this) {
            case INITIAL: return 0;
            case ZERO_RTT: return 1;
            case HANDSHAKE: return 2;
            case RETRY: return 3;
            default: throw new IllegalStateException(this + " has no long header type");
        }
    }
}
