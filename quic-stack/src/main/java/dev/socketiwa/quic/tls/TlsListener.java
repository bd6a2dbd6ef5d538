package dev.socketiwa.quic.tls;

import dev.socketiwa.quic.crypto.EncryptionLevel;
import dev.socketiwa.quic.crypto.PacketProtection;

/** What TLS calls back into the transport. */
public interface TlsListener {
    /** Handshake bytes to send in CRYPTO frames at that level. The array is the listener's to keep. */
    void sendCrypto(EncryptionLevel level, byte[] data, int off, int len);

    /**
     * New keys for a level. A null direction means "not (yet) available, leave as is": the server gets its 1-RTT write
     * keys right after its Finished and its 1-RTT read keys only once the client's Finished verified (RFC 9001 §5.7).
     */
    void installKeys(EncryptionLevel level, PacketProtection read, PacketProtection write);

    /** Server: after the client's Finished is verified. Client: after its own Finished is sent. */
    void handshakeComplete();
}
