package dev.socketiwa.quic.tls;

/**
 * Seals the server's session state into the opaque ticket the client carries, so the server keeps nothing per ticket.
 * Opening must fail (null) for anything not sealed by a still-current key: forged, corrupt, or sealed by a retired key.
 */
public interface TicketSealer {
    byte[] seal(byte[] plaintext, long nowMillis);

    /** The plaintext, or null. */
    byte[] open(byte[] sealed, long nowMillis);
}
