package dev.socketiwa.quic.transport;

/** Limits and tunables of a connection; the defaults suit a server on the open Internet. */
public final class QuicConfig {
    /** Idle timeout we announce, in milliseconds (0 = none). */
    public long maxIdleTimeoutMillis = 30_000;
    /** Largest UDP payload we send. 1200 is safe on every path; larger needs path MTU knowledge. */
    public int maxDatagramSize = 1200;
    public long initialMaxData = 1 << 20;
    public long initialMaxStreamData = 256 * 1024;
    /** Flow control windows grow up to these when the application reads fast (auto-tuning). */
    public long maxConnectionWindow = 16 << 20;
    public long maxStreamWindow = 8 << 20;
    public long maxStreamsBidi = 100;
    public long maxStreamsUni = 100;
    /** Bytes the application may queue per stream before write() stops accepting. */
    public int streamSendBuffer = 1 << 20;
    /** Largest amount of out-of-order CRYPTO data held per level (RFC 9000 §7.5 suggests at least 4096). */
    public int maxCryptoBuffer = 64 * 1024;
    public int activeConnectionIdLimit = 4;
    /** 0 disables DATAGRAM frames (RFC 9221). */
    public int maxDatagramFrameSize = 65535;
    /** Datagrams received but not yet taken by the application, beyond which new ones are dropped. */
    public int maxQueuedDatagrams = 256;
    public int localConnectionIdLength = 8;
    public long maxAckDelayMillis = 25;
    /**
     * Server: answer every Initial without a valid token with a Retry first (address validation, RFC 9000 §8.1.2).
     * Overrides {@link #addressValidation}.
     */
    public boolean requireRetry;
    /**
     * Server: when Initials without a valid token get a Retry. The default asks for one only under load (many
     * handshakes in progress at once), so ordinary clients save the round trip.
     */
    public AddressValidationPolicy addressValidation = AddressValidationPolicy.underLoad(256);
    /** How long a Retry token stays valid: only for the client's next Initial, so a few seconds. */
    public long retryTokenLifetimeMillis = 10_000;
    /**
     * Server: how long a token sent in NEW_TOKEN after the handshake lets that client address skip validation on a later
     * connection (0: send no NEW_TOKEN). Also the rotation period of the key sealing tokens.
     */
    public long newTokenLifetimeMillis = 24 * 3_600_000L;
    /**
     * Start a key update after this many packets under one 1-RTT key (0: 7/8 of the suite's confidentiality limit,
     * i.e. about 7.3 million packets for AES-GCM and never for ChaCha20-Poly1305). Tests set it low.
     */
    public long keyUpdateAfterPackets;
    /**
     * Most packets one key may protect (RFC 9001 §6.6); 0: the suite's (2^23 for AES-GCM). Reached without a key update,
     * the connection closes with AEAD_LIMIT_REACHED. A value above the suite's is capped at the suite's.
     */
    public long confidentialityLimit;
    /**
     * Received packets failing authentication after which the connection closes with AEAD_LIMIT_REACHED (0: the suite's,
     * 2^52 for AES-GCM, 2^36 for ChaCha20-Poly1305).
     */
    public long integrityLimit;
}
