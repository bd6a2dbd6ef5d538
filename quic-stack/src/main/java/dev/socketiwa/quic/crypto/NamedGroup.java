package dev.socketiwa.quic.crypto;

/** The (EC)DHE groups we implement, with their TLS code points and key-share lengths (RFC 8446 §4.2.8.2). */
public enum NamedGroup {
    X25519(0x001d, 32),
    SECP256R1(0x0017, 65);

    private final int code;
    private final int publicKeyLength;

    NamedGroup(int code, int publicKeyLength) {
        this.code = code;
        this.publicKeyLength = publicKeyLength;
    }

    public int code() {
        return code;
    }

    /** The exact length of a valid key_share for this group (X25519: 32; P-256: uncompressed point, 65). */
    public int publicKeyLength() {
        return publicKeyLength;
    }

    public static NamedGroup fromCode(int code) {
        for (NamedGroup g : values()) {
            if (g.code == code) {
                return g;
            }
        }
        return null;
    }
}
