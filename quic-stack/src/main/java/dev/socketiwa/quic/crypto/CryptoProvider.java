package dev.socketiwa.quic.crypto;

/**
 * Factory for everything cryptographic the QUIC and TLS engines need. Two implementations: the portable one on the
 * Bouncy Castle lightweight API ({@code crypto.portable}, compiles to wasm) and the JCA one ({@code crypto.jca}, JVM
 * speed). The runtime or application picks one; engine code only sees this interface.
 *
 * <p>Hash functions are named by their output length: 32 = SHA-256, 48 = SHA-384 (what {@link CipherSuite#hashLength()}
 * gives), because those are the only two TLS 1.3 with QUIC v1 uses.
 */
public interface CryptoProvider {

    /** AEAD for the suite with the given key (16 or 32 bytes). */
    Aead aead(CipherSuite suite, byte[] key);

    /** Header-protection cipher for the suite: AES-ECB for the GCM suites, ChaCha20 for ChaCha20-Poly1305. */
    HeaderProtectionCipher headerProtection(CipherSuite suite, byte[] hpKey);

    /** HMAC with SHA-256 (hashLength 32) or SHA-384 (48). */
    byte[] hmac(int hashLength, byte[] key, byte[] data, int off, int len);

    /** SHA-256 (32) or SHA-384 (48) of the data. */
    byte[] hash(int hashLength, byte[] data, int off, int len);

    /** A fresh ephemeral key pair for the group, using this provider's randomness. */
    KeyShare generateKeyShare(NamedGroup group);

    /** The public key of a DER X.509 certificate, or null when it cannot be parsed or its key type is unsupported. */
    VerificationKey publicKeyOf(byte[] certificateDer);

    /**
     * A signer for a PKCS#8 (DER) private key: EC P-256 gives ecdsa_secp256r1_sha256, Ed25519 gives ed25519.
     *
     * @throws IllegalArgumentException with a message saying what key is expected, for anything else
     */
    Signer signer(byte[] pkcs8PrivateKey);

    /** Random bytes (TLS randoms, ...). */
    RandomSource random();

    /** Packet protection from a traffic secret: derives "quic key", "quic iv" and "quic hp" (RFC 9001 §5.1). */
    default PacketProtection packetProtection(CipherSuite suite, byte[] trafficSecret) {
        return QuicPacketProtection.fromSecret(this, suite, trafficSecret);
    }

    /** QUIC v1 Initial keys for the client's first Destination Connection ID (RFC 9001 §5.2). */
    default InitialKeys initialKeys(byte[] clientDestinationCid, int cidOff, int cidLen) {
        return InitialSecrets.keys(this, clientDestinationCid, cidOff, cidLen);
    }
}
