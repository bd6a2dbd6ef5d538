package dev.socketiwa.quic.crypto;

/** The public key of a peer's end-entity certificate. */
public interface VerificationKey {
    /** Whether the key type fits the scheme (e.g. an EC P-256 key for ecdsa_secp256r1_sha256). */
    boolean supports(SignatureScheme scheme);

    /** False for a wrong or malformed signature or an unsupported scheme; never throws. */
    boolean verify(SignatureScheme scheme, byte[] data, int off, int len, byte[] signature);
}
