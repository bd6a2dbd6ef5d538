package dev.socketiwa.quic.tls;

import dev.socketiwa.quic.crypto.CryptoProvider;

/**
 * The handshake transcript (RFC 8446 §4.4.1) kept as bytes: hashing on demand lets the hash be chosen after the
 * ServerHello, and keeps the HelloRetryRequest rewrite simple. A handshake is a few kilobytes, so this is cheap.
 */
final class Transcript {
    private final TlsWriter bytes = new TlsWriter(2048);

    void add(byte[] message) {
        bytes.bytes(message);
    }

    byte[] hash(CryptoProvider p, int hashLength) {
        return p.hash(hashLength, bytes.array(), 0, bytes.length());
    }

    /** The hash of the transcript followed by the first len bytes of more (a truncated ClientHello for binders). */
    byte[] hashWith(CryptoProvider p, int hashLength, byte[] more, int len) {
        TlsWriter w = new TlsWriter(bytes.length() + len);
        w.bytes(bytes.array(), 0, bytes.length()).bytes(more, 0, len);
        return p.hash(hashLength, w.array(), 0, w.length());
    }

    /** Replaces ClientHello1 with message_hash(Hash(ClientHello1)) before the HelloRetryRequest is added. */
    void replaceWithMessageHash(CryptoProvider p, int hashLength) {
        byte[] h = hash(p, hashLength);
        bytes.truncate(0);
        bytes.u8(HandshakeType.MESSAGE_HASH).u24(hashLength).bytes(h);
    }
}
