package dev.socketiwa.quic.crypto;

/** QUIC v1 Initial secrets (RFC 9001 §5.2): HKDF-Extract with the version's salt over the client's first DCID. */
public final class InitialSecrets {
    /** initial_salt for QUIC version 1. */
    static final byte[] V1_SALT = hex("38762cf7f55934b34d179ae6a4c80cadccbb7f0a");

    private InitialSecrets() {
    }

    public static byte[] initialSecret(CryptoProvider p, byte[] cid, int off, int len) {
        byte[] ikm = new byte[len];
        System.arraycopy(cid, off, ikm, 0, len);
        return Hkdf.extract(p, 32, V1_SALT, ikm);
    }

    public static byte[] clientSecret(CryptoProvider p, byte[] initialSecret) {
        return Hkdf.expandLabel(p, 32, initialSecret, "client in", null, 32);
    }

    public static byte[] serverSecret(CryptoProvider p, byte[] initialSecret) {
        return Hkdf.expandLabel(p, 32, initialSecret, "server in", null, 32);
    }

    static InitialKeys keys(CryptoProvider p, byte[] cid, int off, int len) {
        byte[] initial = initialSecret(p, cid, off, len);
        CipherSuite s = CipherSuite.TLS_AES_128_GCM_SHA256;
        return new InitialKeys(p.packetProtection(s, clientSecret(p, initial)), p.packetProtection(s, serverSecret(p, initial)));
    }

    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
