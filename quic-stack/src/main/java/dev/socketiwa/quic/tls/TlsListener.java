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

    /**
     * Server: a resumed client offered 0-RTT and TLS would accept it; the transport says whether the transport
     * parameters remembered with the ticket still hold (RFC 9000 §7.4.1: the server must not reduce them).
     */
    default boolean acceptEarlyData(byte[] rememberedTransportParameters) {
        return false;
    }

    /** Client: 0-RTT is offered; the limits for it are the server's parameters remembered with the ticket. */
    default void earlyDataOffered(byte[] rememberedServerTransportParameters) {
    }

    /** The server accepted the client's 0-RTT (client: EncryptedExtensions said so; server: it decided so). */
    default void earlyDataAccepted() {
    }

    /** The offered 0-RTT was not accepted: the client resends its early data at 1-RTT. */
    default void earlyDataRejected() {
    }

    /** Client: the server issued a ticket for a later resumption. */
    default void sessionTicket(SessionTicket ticket) {
    }
}
