package dev.socketiwa.quic.crypto;

/** A private key able to sign CertificateVerify content with one signature scheme. */
public interface Signer {
    SignatureScheme scheme();

    byte[] sign(byte[] data, int off, int len);
}
