package dev.socketiwa.quic.packet;

import java.util.Arrays;

/** An immutable connection ID (0..20 bytes), usable as a map key. */
public final class ConnectionId {
    public static final int MAX_LENGTH = 20;
    public static final ConnectionId EMPTY = new ConnectionId(new byte[0]);

    private final byte[] bytes;
    private int hash;

    private ConnectionId(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /**
     * A reusable lookup key: {@link Probe#set} points it at bytes in a datagram without allocating. Only for map
     * lookups; never store it.
     */
    public static final class Probe {
        private final ConnectionId id = new ConnectionId(new byte[MAX_LENGTH]);
        private int length;

        public ConnectionId set(byte[] buf, int off, int len) {
            System.arraycopy(buf, off, id.bytes, 0, len);
            length = len;
            int h = 1;
            for (int i = 0; i < len; i++) h = 31 * h + buf[off + i];
            id.hash = h;
            id.probeLength = len;
            return id;
        }
    }

    /** Length of a probe's current content; -1 for ordinary (immutable) IDs. */
    private int probeLength = -1;

    private int len() {
        return probeLength >= 0 ? probeLength : bytes.length;
    }

    public static ConnectionId of(byte[] buf, int off, int len) {
        if (len < 0 || len > MAX_LENGTH) throw new IllegalArgumentException("connection ID length " + len);
        return new ConnectionId(Arrays.copyOfRange(buf, off, off + len));
    }

    public static ConnectionId of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    public int length() { return bytes.length; }

    /** Copies the ID into buf at pos; returns the position after it. */
    public int writeTo(byte[] buf, int pos) {
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        return pos + bytes.length;
    }

    public byte[] toBytes() { return bytes.clone(); }

    public boolean matches(byte[] buf, int off, int len) {
        return len == bytes.length && Arrays.equals(bytes, 0, len, buf, off, off + len);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConnectionId)) return false;
        ConnectionId other = (ConnectionId) o;
        int n = len();
        return n == other.len() && Arrays.equals(bytes, 0, n, other.bytes, 0, n);
    }

    @Override
    public int hashCode() { return hash; }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
