package dev.socketiwa.quic.transport;

/**
 * When a server makes a client prove its address with a Retry before it keeps any state for it (RFC 9000 §8.1).
 * A Retry costs the client one round trip, so a server asks for it only when spoofed Initials could hurt: always, never,
 * or once many handshakes are in progress. A client holding a valid NEW_TOKEN token is never sent a Retry.
 */
public interface AddressValidationPolicy {

    /** Whether an Initial without a valid token gets a Retry, given the server's handshakes still in progress. */
    boolean requireRetry(int handshakesInProgress);

    /** Every new client does a Retry round trip first (what {@link QuicConfig#requireRetry} asks for). */
    static AddressValidationPolicy always() {
        return inProgress -> true;
    }

    /** No Retry; unvalidated clients are held to the 3x amplification limit only. */
    static AddressValidationPolicy never() {
        return inProgress -> false;
    }

    /** Retry once more than maxHandshakes handshakes are in progress, the sign of a flood of (possibly spoofed) Initials. */
    static AddressValidationPolicy underLoad(int maxHandshakes) {
        if (maxHandshakes < 0) {
            throw new IllegalArgumentException("maxHandshakes must be 0 or more, got " + maxHandshakes);
        }
        return inProgress -> inProgress >= maxHandshakes;
    }
}
