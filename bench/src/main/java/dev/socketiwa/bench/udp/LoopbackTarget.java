package dev.socketiwa.bench.udp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses {@code host:port} and refuses anything that is not loopback: a load tool must never flood a real network.
 * Only IP literals and {@code localhost} are accepted, so no DNS lookup can send the load elsewhere.
 */
public final class LoopbackTarget {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

    private LoopbackTarget() {
    }

    public static InetSocketAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing target: give --target host:port, e.g. --target 127.0.0.1:4433");
        }
        String host;
        String portText;
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("bad target '" + text + "': write IPv6 as [::1]:port");
            }
            host = text.substring(1, close);
            portText = text.substring(close + 2);
            if (!IPV6.matcher(host).matches()) {
                throw new IllegalArgumentException("bad target '" + text + "': '" + host + "' is not an IPv6 literal");
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || text.indexOf(':') != colon) {
                throw new IllegalArgumentException("bad target '" + text + "': expected host:port, e.g. 127.0.0.1:4433"
                        + " or [::1]:4433");
            }
            host = text.substring(0, colon);
            portText = text.substring(colon + 1);
            if (!host.equals("localhost") && !IPV4.matcher(host).matches()) {
                throw new IllegalArgumentException("refusing target '" + text + "': only loopback IP literals"
                        + " (127.0.0.0/8, ::1) or localhost are allowed, so the load never leaves this machine");
            }
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad target '" + text + "': port '" + portText + "' is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad target '" + text + "': port must be 1..65535");
        }
        InetAddress address;
        try {
            if (host.equals("localhost")) {
                address = InetAddress.getLoopbackAddress();
            } else if (host.indexOf(':') >= 0) {
                address = InetAddress.getByName(host); // an IPv6 literal: parsed, never looked up
            } else {
                address = InetAddress.getByAddress(ipv4Octets(host, text));
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad target '" + text + "': " + e.getMessage());
        }
        return requireLoopback(new InetSocketAddress(address, port));
    }

    private static byte[] ipv4Octets(String host, String text) {
        String[] parts = host.split("\\.");
        byte[] octets = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                throw new IllegalArgumentException("bad target '" + text + "': '" + host + "' is not an IPv4 address");
            }
            octets[i] = (byte) v;
        }
        return octets;
    }

    public static InetSocketAddress requireLoopback(InetSocketAddress target) {
        if (target.isUnresolved() || !target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing target " + target + ": not a loopback address"
                    + " (127.0.0.0/8 or ::1); the load tool only sends on this machine");
        }
        return target;
    }

    /**
     * Parses a suite's {@code --target name=host:port} (a short name: it heads a table column) into {@code targets};
     * the map keeps the order the options came in.
     */
    public static void putNamed(Map<String, InetSocketAddress> targets, String nameEqualsTarget) {
        int eq = nameEqualsTarget.indexOf('=');
        if (eq <= 0 || !nameEqualsTarget.substring(0, eq).matches("[A-Za-z0-9_-]{1,10}")) {
            throw new IllegalArgumentException("--target wants name=host:port with a short name of"
                    + " letters, digits, - or _, e.g. jvm=127.0.0.1:4433");
        }
        targets.put(nameEqualsTarget.substring(0, eq), parse(nameEqualsTarget.substring(eq + 1)));
    }

    public static String format(InetSocketAddress target) {
        String host = target.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + target.getPort();
    }
}
