package dev.socketiwa.bench.suite;

import java.io.Closeable;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Prints ports free on 127.0.0.1 right now, one a line, for scripts that start servers on ports of their choosing:
 * {@code FreePorts udp 2} or {@code FreePorts tcp 1}.
 */
public final class FreePorts {
    private FreePorts() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !(args[0].equals("udp") || args[0].equals("tcp"))) {
            System.err.println("usage: FreePorts udp|tcp [count]");
            System.exit(2);
        }
        boolean udp = args[0].equals("udp");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        Closeable[] held = new Closeable[count]; // all held at once so the ports differ
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            if (udp) {
                DatagramSocket s = new DatagramSocket(new InetSocketAddress(loopback, 0));
                held[i] = s;
                ports[i] = s.getLocalPort();
            } else {
                ServerSocket s = new ServerSocket(0, 1, loopback);
                held[i] = s;
                ports[i] = s.getLocalPort();
            }
        }
        for (int i = 0; i < count; i++) {
            held[i].close();
            System.out.println(ports[i]);
        }
    }
}
