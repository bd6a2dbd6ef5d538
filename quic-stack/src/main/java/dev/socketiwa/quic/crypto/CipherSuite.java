package dev.socketiwa.quic.crypto;

/** The TLS 1.3 cipher suites QUIC v1 uses (RFC 9001 §5.3; TLS_AES_128_CCM_SHA256 is deliberately not offered). */
public enum CipherSuite {
    TLS_AES_128_GCM_SHA256(0x1301, 16, 32),
    TLS_AES_256_GCM_SHA384(0x1302, 32, 48),
    TLS_CHACHA20_POLY1305_SHA256(0x1303, 32, 32);

    private final int code;
    private final int keyLength;
    private final int hashLength;

    CipherSuite(int code, int keyLength, int hashLength) {
        this.code = code;
        this.keyLength = keyLength;
        this.hashLength = hashLength;
    }

    /** The TLS registry value. */
    public int code() {
        return code;
    }

    /** AEAD key length in bytes; the header-protection key has the same length. */
    public int keyLength() {
        return keyLength;
    }

    /** Output length of the suite's hash (32 = SHA-256, 48 = SHA-384); also the length of its traffic secrets. */
    public int hashLength() {
        return hashLength;
    }

    /** AEAD nonce length, 12 bytes for every suite here. */
    public int ivLength() {
        return 12;
    }

    /** AEAD tag length, 16 bytes for every suite here. */
    public int tagLength() {
        return 16;
    }

    /**
     * How many packets one key may protect before a key update is due (RFC 9001 §6.6 confidentiality limit):
     * 2^23 for AES-GCM; ChaCha20-Poly1305 has no practical limit (more than 2^62).
     */
    public long confidentialityLimit() {
        return this == TLS_CHACHA20_POLY1305_SHA256 ? Long.MAX_VALUE : 1L << 23;
    }

    /**
     * How many packets failing authentication under one key end the connection with AEAD_LIMIT_REACHED
     * (RFC 9001 §6.6 integrity limit): 2^52 for AES-GCM, 2^36 for ChaCha20-Poly1305.
     */
    public long integrityLimit() {
        return this == TLS_CHACHA20_POLY1305_SHA256 ? 1L << 36 : 1L << 52;
    }

    /** The suite for a TLS code point, or null when we do not implement it (callers skip unknown suites). */
    public static CipherSuite fromCode(int code) {
        for (CipherSuite s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
