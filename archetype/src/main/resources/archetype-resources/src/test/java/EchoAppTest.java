package ${package};

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the app on the JVM transport over loopback and checks that what a client sends comes back unchanged. */
class EchoAppTest {

    @Test
    void echoesEachDatagramToItsSender() throws Exception {
        DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.of("127.0.0.1", 0));
        Thread server = new Thread(() -> {
            try {
                new EchoApp().serve(udp);
            } catch (RuntimeException closed) {
                // the test closed the socket: the app's loop ends here
            }
        }, "echo-app");
        server.start();
        try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            client.setSoTimeout(5000);
            for (String text : new String[] {"hello", "a second datagram", "and a third"}) {
                byte[] sent = text.getBytes(StandardCharsets.UTF_8);
                client.send(new DatagramPacket(sent, sent.length, InetAddress.getLoopbackAddress(), udp.localEndpoint().port()));
                DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
                client.receive(reply);
                byte[] got = new byte[reply.getLength()];
                System.arraycopy(reply.getData(), 0, got, 0, got.length);
                assertArrayEquals(sent, got, "echo of '" + text + "'");
            }
        } finally {
            udp.close();
            server.join(5000);
        }
    }
}
