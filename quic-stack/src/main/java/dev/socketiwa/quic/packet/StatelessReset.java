package dev.socketiwa.quic.packet;

/** Stateless reset (RFC 9000 §10.3): a short-header-looking datagram ending in a 16-byte token. */
public final class StatelessReset {
    public static final int TOKEN_LENGTH = 16;
    /** Smallest stateless reset we send; RFC 9000 §10.3 requires at least 21 bytes to look like a short header packet. */
    public static final int MIN_LENGTH = 21;

    private StatelessReset() {
    }

    /** True when the datagram's last 16 bytes equal token (compared without early exit). */
    public static boolean matches(byte[] buf, int off, int len, byte[] token) {
        if (len < MIN_LENGTH || token == null) return false;
        int diff = 0;
        int start = off + len - TOKEN_LENGTH;
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            diff |= buf[start + i] ^ token[i];
        }
        return diff == 0;
    }

    /**
     * Writes a stateless reset shorter than the packet that triggered it (so resets cannot loop, §10.3.3). randomBytes
     * supplies the unpredictable bits. Returns the length, or 0 when the trigger was too short to answer.
     */
    public static int write(byte[] out, int off, int triggerLength, byte[] token, byte[] randomBytes) {
        int len = Math.min(triggerLength - 1, 43);
        if (len < MIN_LENGTH) return 0;
        int randomLen = len - TOKEN_LENGTH;
        for (int i = 0; i < randomLen; i++) {
            out[off + i] = randomBytes[i % randomBytes.length];
        }
        out[off] = (byte) ((out[off] & 0x3f) | 0x40);
        System.arraycopy(token, 0, out, off + randomLen, TOKEN_LENGTH);
        return len;
    }
}
