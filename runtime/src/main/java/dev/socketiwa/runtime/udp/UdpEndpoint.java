package dev.socketiwa.runtime.udp;

import java.util.Arrays;

/**
 * An IP address (4 or 16 bytes) and a UDP port. Immutable, so connections may keep the one they were given. Only numeric
 * addresses: no name resolution happens here (none is possible in the browser, and TeaVM has no java.net).
 */
public final class UdpEndpoint {
    private final byte[] address;
    private final int port;
    private String text;

    private UdpEndpoint(byte[] address, int port) {
        this.address = address;
        this.port = port;
    }

    /** From raw address bytes (copied): 4 for IPv4, 16 for IPv6. */
    public static UdpEndpoint of(byte[] address, int port) {
        if (address == null || (address.length != 4 && address.length != 16)) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, got "
                    + (address == null ? "null" : address.length));
        }
        checkPort(port);
        return new UdpEndpoint(address.clone(), port);
    }

    /** From a numeric address ("127.0.0.1", "::1", "[::1]") and a port. */
    public static UdpEndpoint of(String host, int port) {
        checkPort(port);
        return new UdpEndpoint(IpLiterals.parse(host), port);
    }

    /** Parses {@code host:port}, e.g. "127.0.0.1:4433" or "[::1]:4433"; the message of the exception says what is wrong. */
    public static UdpEndpoint parse(String hostAndPort) {
        if (hostAndPort == null || hostAndPort.isEmpty()) {
            throw new IllegalArgumentException("expected host:port, e.g. 127.0.0.1:4433, got nothing");
        }
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostAndPort.length() - 1) {
            throw new IllegalArgumentException("expected host:port, e.g. 127.0.0.1:4433 or [::1]:4433, got '" + hostAndPort + "'");
        }
        String host = hostAndPort.substring(0, colon);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            throw new IllegalArgumentException("an IPv6 address needs brackets: [" + host + "]:port, got '" + hostAndPort + "'");
        }
        int port;
        try {
            port = Integer.parseInt(hostAndPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port in '" + hostAndPort + "' is not a number");
        }
        return of(host, port);
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a UDP port is 0..65535, got " + port);
        }
    }

    public boolean isIpv6() {
        return address.length == 16;
    }

    /** A copy of the address bytes. */
    public byte[] address() {
        return address.clone();
    }

    /** Copies the address bytes into {@code dst} at {@code off}; returns how many (4 or 16). */
    public int copyAddress(byte[] dst, int off) {
        System.arraycopy(address, 0, dst, off, address.length);
        return address.length;
    }

    /** True when this endpoint has exactly these address bytes and port (lets transports reuse cached endpoints). */
    public boolean matches(byte[] addr, int addrOff, int addrLen, int port) {
        if (this.port != port || address.length != addrLen) {
            return false;
        }
        for (int i = 0; i < addrLen; i++) {
            if (address[i] != addr[addrOff + i]) {
                return false;
            }
        }
        return true;
    }

    public int port() {
        return port;
    }

    /** The numeric address, IPv6 in full (uncompressed) hex groups. */
    public String host() {
        return IpLiterals.format(address);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdpEndpoint && ((UdpEndpoint) o).port == port && Arrays.equals(((UdpEndpoint) o).address, address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + port;
    }

    /** "127.0.0.1:4433" or "[::1]:4433" style. */
    @Override
    public String toString() {
        if (text == null) {
            text = isIpv6() ? "[" + host() + "]:" + port : host() + ":" + port;
        }
        return text;
    }
}
