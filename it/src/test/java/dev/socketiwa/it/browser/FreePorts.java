package dev.socketiwa.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Free loopback UDP ports for apps under test (the OS picks; a small race with other processes is accepted). */
public final class FreePorts {
    private FreePorts() {
    }

    public static int udp() {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback UDP port: " + e.getMessage(), e);
        }
    }
}
