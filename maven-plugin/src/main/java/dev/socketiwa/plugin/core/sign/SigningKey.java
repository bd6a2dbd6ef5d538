package dev.socketiwa.plugin.core.sign;

/** A private key that can sign an integrity block: Ed25519 or ECDSA P-256 with SHA-256. */
public interface SigningKey {
    /** The attribute name in the signature stack entry, e.g. "ed25519PublicKey". */
    String publicKeyAttributeName();

    /** The public key as the integrity block carries it: 32 raw bytes (Ed25519) or 33-byte compressed point (P-256). */
    byte[] rawPublicKey();

    /** The 3-byte type suffix of the Web Bundle ID (IWA Scheme.md). */
    byte[] webBundleIdSuffix();

    /** Signature over {@code data}: 64 bytes (Ed25519) or DER-encoded ECDSA (P-256). */
    byte[] sign(byte[] data);

    /** PKCS#8 DER encoding of the private key, for writing it to a PEM file. */
    byte[] pkcs8();

    /** "Ed25519" or "ECDSA P-256", for messages. */
    String typeName();
}
