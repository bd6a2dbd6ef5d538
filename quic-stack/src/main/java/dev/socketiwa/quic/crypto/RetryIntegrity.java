package dev.socketiwa.quic.crypto;

/** The Retry packet integrity tag of QUIC v1 (RFC 9001 §5.8): AES-128-GCM with a fixed key over a pseudo-packet. */
public final class RetryIntegrity {
    private static final byte[] V1_KEY = InitialSecrets.hex("be0c690b9f66575a1d766b54e368c84e");
    private static final byte[] V1_NONCE = InitialSecrets.hex("461599d35d632bf2239825bb");
    public static final int TAG_LENGTH = 16;

    private RetryIntegrity() {
    }

    /**
     * The 16-byte tag for a Retry packet (without its tag) answering a client whose original DCID was odcid.
     */
    public static byte[] tag(CryptoProvider p, byte[] odcid, int odcidOff, int odcidLen,
                             byte[] retryWithoutTag, int off, int len) {
        byte[] pseudo = new byte[1 + odcidLen + len];
        pseudo[0] = (byte) odcidLen;
        System.arraycopy(odcid, odcidOff, pseudo, 1, odcidLen);
        System.arraycopy(retryWithoutTag, off, pseudo, 1 + odcidLen, len);
        byte[] tag = new byte[TAG_LENGTH];
        p.aead(CipherSuite.TLS_AES_128_GCM_SHA256, V1_KEY).seal(V1_NONCE, pseudo, 0, pseudo.length, tag, 0, 0, tag, 0);
        return tag;
    }

    public static byte[] tag(CryptoProvider p, byte[] odcid, byte[] retryWithoutTag) {
        return tag(p, odcid, 0, odcid.length, retryWithoutTag, 0, retryWithoutTag.length);
    }

    /** Whether the last 16 bytes of a received Retry packet are the right tag (constant-time compare). */
    public static boolean verify(CryptoProvider p, byte[] odcid, int odcidOff, int odcidLen, byte[] retry, int off, int len) {
        if (len < TAG_LENGTH) {
            return false;
        }
        byte[] expected = tag(p, odcid, odcidOff, odcidLen, retry, off, len - TAG_LENGTH);
        int diff = 0;
        for (int i = 0; i < TAG_LENGTH; i++) {
            diff |= expected[i] ^ retry[off + len - TAG_LENGTH + i];
        }
        return diff == 0;
    }
}
