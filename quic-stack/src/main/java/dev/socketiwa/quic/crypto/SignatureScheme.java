package dev.socketiwa.quic.crypto;

/** The TLS 1.3 signature schemes we can verify (and, except RSA, create). */
public enum SignatureScheme {
    ECDSA_SECP256R1_SHA256(0x0403),
    ED25519(0x0807),
    RSA_PSS_RSAE_SHA256(0x0804);

    private final int code;

    SignatureScheme(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static SignatureScheme fromCode(int code) {
        for (SignatureScheme s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
