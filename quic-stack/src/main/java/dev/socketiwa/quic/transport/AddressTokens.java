package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.SealingKeys;
import dev.socketiwa.quic.packet.ConnectionId;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Address validation tokens (RFC 9000 §8.1), sealed so a client learns nothing from them and cannot forge or alter
 * one. A token is {@code type || sealed(issue time [|| original DCID])}; the sealing binds it to the client's address
 * and its type (as AEAD associated data), so it only opens for the address it was issued to.
 *
 * <ul>
 * <li>Retry tokens live seconds, carry the client's original DCID and are bound to the full address (IP and port):
 * the client's next Initial comes from the same socket.</li>
 * <li>NEW_TOKEN tokens live hours and are bound to the IP only, since a later connection comes from a new port. A
 * server accepts each one once while it remembers it (a bounded set), which is enough to stop a captured token from
 * validating many spoofed Initials.</li>
 * </ul>
 * The type byte stays outside the seal so a server can tell a broken Retry token (drop: the client cannot take a second
 * Retry) from a stale NEW_TOKEN one (treat as no token).
 */
final class AddressTokens {
    static final int NONE = 0;
    static final int RETRY_VALID = 1;
    static final int RETRY_INVALID = 2;
    static final int NEW_TOKEN_VALID = 3;
    static final int NEW_TOKEN_INVALID = 4;

    private static final byte TYPE_RETRY = 0x52;     // 'R'
    private static final byte TYPE_NEW_TOKEN = 0x4e; // 'N'
    private static final int MAX_REMEMBERED = 4096;

    private final CryptoProvider crypto;
    private final QuicConfig config;
    private SealingKeys keys;
    /** NEW_TOKEN tokens already used: first 8 nonce bytes -> expiry (ms); oldest first. */
    private final LinkedHashMap<Long, Long> used = new LinkedHashMap<>();
    /** Set by {@link #check}: the original DCID a valid Retry token carried. */
    ConnectionId odcid;

    AddressTokens(CryptoProvider crypto, QuicConfig config) {
        this.crypto = crypto;
        this.config = config;
    }

    byte[] issueRetry(long nowMillis, ConnectionId originalDcid, Object address) {
        byte[] plain = new byte[8 + 1 + originalDcid.length()];
        writeLong(plain, nowMillis);
        plain[8] = (byte) originalDcid.length();
        originalDcid.writeTo(plain, 9);
        return wrap(TYPE_RETRY, keys(nowMillis).seal(nowMillis, plain, binding(TYPE_RETRY, address)));
    }

    byte[] issueNewToken(long nowMillis, Object address) {
        byte[] plain = new byte[8];
        writeLong(plain, nowMillis);
        return wrap(TYPE_NEW_TOKEN, keys(nowMillis).seal(nowMillis, plain, binding(TYPE_NEW_TOKEN, address)));
    }

    /**
     * Classifies the token of a client Initial from address: {@link #NONE} for no token or one that is not ours,
     * otherwise whether it is a valid or invalid Retry or NEW_TOKEN token. A valid NEW_TOKEN token is spent.
     */
    int check(long nowMillis, byte[] buf, int off, int len, Object address) {
        if (len == 0) return NONE;
        byte type = buf[off];
        if (type != TYPE_RETRY && type != TYPE_NEW_TOKEN) return NONE;
        byte[] plain = keys(nowMillis).open(nowMillis, buf, off + 1, len - 1, binding(type, address));
        if (type == TYPE_RETRY) {
            if (plain == null || plain.length < 9 || plain.length != 9 + (plain[8] & 0xff)
                    || (plain[8] & 0xff) > ConnectionId.MAX_LENGTH
                    || !fresh(readLong(plain), nowMillis, config.retryTokenLifetimeMillis)) {
                return RETRY_INVALID;
            }
            odcid = ConnectionId.of(plain, 9, plain[8] & 0xff);
            return RETRY_VALID;
        }
        if (plain == null || plain.length != 8 || !fresh(readLong(plain), nowMillis, config.newTokenLifetimeMillis)) {
            return NEW_TOKEN_INVALID;
        }
        return spend(readLong(buf, off + 2), nowMillis + config.newTokenLifetimeMillis, nowMillis)
                ? NEW_TOKEN_VALID : NEW_TOKEN_INVALID;
    }

    /** Records a NEW_TOKEN token's nonce; false when it was used before. */
    private boolean spend(long nonce, long expiry, long nowMillis) {
        for (Iterator<Map.Entry<Long, Long>> it = used.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue() > nowMillis && used.size() < MAX_REMEMBERED) break;
            it.remove(); // expired, or the set is full: forget the oldest
        }
        return used.putIfAbsent(nonce, expiry) == null;
    }

    private static boolean fresh(long issued, long nowMillis, long lifetime) {
        return issued <= nowMillis && nowMillis - issued <= lifetime;
    }

    private SealingKeys keys(long nowMillis) {
        if (keys == null) {
            long period = Math.max(1000, Math.max(config.newTokenLifetimeMillis, config.retryTokenLifetimeMillis));
            keys = new SealingKeys(crypto, period, nowMillis);
        }
        return keys;
    }

    /**
     * What a token is bound to: its type and the client's address, the whole of it for Retry, without the port for
     * NEW_TOKEN. Addresses are opaque; "host:port" text (UdpEndpoint, InetSocketAddress-like) loses its port here.
     */
    static byte[] binding(byte type, Object address) {
        String a = String.valueOf(address);
        if (type == TYPE_NEW_TOKEN) {
            int colon = a.lastIndexOf(':');
            if (colon > 0 && colon < a.length() - 1 && isDigits(a, colon + 1) && (a.indexOf(':') == colon || a.charAt(colon - 1) == ']')) {
                a = a.substring(0, colon);
            }
        }
        return (type + a).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    private static byte[] wrap(byte type, byte[] box) {
        byte[] t = new byte[1 + box.length];
        t[0] = type;
        System.arraycopy(box, 0, t, 1, box.length);
        return t;
    }

    private static void writeLong(byte[] b, long v) {
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (56 - 8 * i));
    }

    private static long readLong(byte[] b) {
        return readLong(b, 0);
    }

    private static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (b[off + i] & 0xff);
        return v;
    }
}
