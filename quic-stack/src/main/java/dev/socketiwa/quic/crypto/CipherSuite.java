package dev.socketiwa.quic.crypto;

public enum CipherSuite {
    TLS_AES_128_GCM_SHA256(0x1301, 32, 16),
    TLS_AES_256_GCM_SHA384(0x1302, 48, 32),
    TLS_CHACHA20_POLY1305_SHA256(0x1303, 32, 32);

    private final int code;
    private final int hashLength;
    private final int keyLength;

    CipherSuite(int code, int hashLength, int keyLength) {
        this.code = code;
        this.hashLength = hashLength;
        this.keyLength = keyLength;
    }

    public int code() { return code; }
    public int hashLength() { return hashLength; }
    public int keyLength() { return keyLength; }
}
