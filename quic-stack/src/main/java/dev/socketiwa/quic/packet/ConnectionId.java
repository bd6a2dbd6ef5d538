package dev.socketiwa.quic.packet;

import java.util.Arrays;

/** An immutable connection ID (0..20 bytes), usable as a map key. */
public final class ConnectionId {
    public static final int MAX_LENGTH = 20;
    public static final ConnectionId EMPTY = new ConnectionId(new byte[0]);

    private final byte[] bytes;
    private final int hash;

    private ConnectionId(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
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
        return o instanceof ConnectionId && Arrays.equals(bytes, ((ConnectionId) o).bytes);
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
