package ${package};

import dev.socketiwa.runtime.app.SocketIwa;
import dev.socketiwa.runtime.app.UdpApp;
import dev.socketiwa.runtime.udp.UdpTransport;

/**
 * Sends every UDP datagram back to where it came from. The same code runs on the JVM ({@code mvn socketiwa:run}) and,
 * compiled to WebAssembly, inside Chrome as an Isolated Web App with a real UDP socket ({@code mvn package}).
 */
public final class EchoApp implements UdpApp {

    public static void main(String[] args) {
        // On the JVM this binds the listen address and calls serve; in Chrome the page binds the socket, then calls serve.
        SocketIwa.run(new EchoApp(), args);
    }

    @Override
    public void serve(UdpTransport udp) {
        System.out.println("echo: serving on " + udp.localEndpoint());
        byte[] buf = new byte[65535]; // one buffer for every datagram: nothing is allocated per packet
        while (true) {
            int n = udp.receive(buf, 0, buf.length, UdpTransport.WAIT_FOREVER);
            udp.send(buf, 0, n, udp.sender());
        }
    }
}
