package dev.socketiwa.examples.echo;

import dev.socketiwa.runtime.app.SocketIwa;
import dev.socketiwa.runtime.app.UdpApp;
import dev.socketiwa.runtime.udp.UdpTransport;

/** Echoes every datagram back to its sender: the same code on the JVM and inside Chrome as an Isolated Web App. */
public final class UdpEcho implements UdpApp {
    public static void main(String[] args) {
        SocketIwa.run(new UdpEcho(), args);
    }

    @Override
    public void serve(UdpTransport udp) {
        System.out.println("udp-echo: serving on " + udp.localEndpoint());
        byte[] buf = new byte[65535];
        while (true) {
            int n = udp.receive(buf, 0, buf.length, UdpTransport.WAIT_FOREVER);
            udp.send(buf, 0, n, udp.sender());
        }
    }
}
