package dev.socketiwa.quic.tls;

import dev.socketiwa.quic.crypto.EncryptionLevel;
import dev.socketiwa.quic.crypto.PacketProtection;

/** What TLS calls back into the transport. */
public interface TlsListener {
    void sendCrypto(EncryptionLevel level, byte[] data, int off, int len);

    void installKeys(EncryptionLevel level, PacketProtection read, PacketProtection write);

    void handshakeComplete();
}
