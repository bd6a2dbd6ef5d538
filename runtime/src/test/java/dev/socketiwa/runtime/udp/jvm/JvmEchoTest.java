package dev.socketiwa.runtime.udp.jvm;

import dev.socketiwa.runtime.app.UdpApp;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.UdpException;
import dev.socketiwa.runtime.udp.UdpTransport;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An echo app on the JVM transport over real loopback UDP. */
class JvmEchoTest {
    /** The same loop as examples/udp-echo. */
    static final UdpApp ECHO = udp -> {
        byte[] buf = new byte[65535];
        while (true) {
            int n = udp.receive(buf, 0, buf.length, UdpTransport.WAIT_FOREVER);
            udp.send(buf, 0, n, udp.sender());
        }
    };

    @Test
    void echoesEverySizeByteIdentical() throws Exception {
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.parse("127.0.0.1:0"))) {
            assertNotEquals(0, udp.localEndpoint().port());
            AtomicReference<Throwable> ended = new AtomicReference<>();
            Thread server = new Thread(() -> {
                try {
                    ECHO.serve(udp);
                } catch (Throwable e) {
                    ended.set(e);
                }
            });
            server.start();
            try (DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                client.setSoTimeout(5000);
                InetSocketAddress to = new InetSocketAddress("127.0.0.1", udp.localEndpoint().port());
                Random random = new Random(42);
                byte[] in = new byte[2048];
                for (int size = 1; size <= 1472; size++) {
                    byte[] out = new byte[size];
                    random.nextBytes(out);
                    client.send(new DatagramPacket(out, size, to));
                    DatagramPacket reply = new DatagramPacket(in, in.length);
                    client.receive(reply);
                    assertEquals(size, reply.getLength());
                    assertArrayEquals(out, java.util.Arrays.copyOf(in, size), "size " + size);
                }
            }
            udp.close();
            server.join(5000);
            assertFalse(server.isAlive(), "closing the socket ends the app's loop");
            assertInstanceOf(UdpException.class, ended.get());
        }
    }

    @Test
    void anEmptyDatagramIsEchoedExactlyOnce() throws Exception {
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.parse("127.0.0.1:0"));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            Thread server = new Thread(() -> {
                try {
                    ECHO.serve(udp);
                } catch (Exception closed) {
                    // close() below ends the loop
                }
            });
            server.start();
            client.setSoTimeout(5000);
            client.send(new DatagramPacket(new byte[0], 0, new InetSocketAddress("127.0.0.1", udp.localEndpoint().port())));
            DatagramPacket reply = new DatagramPacket(new byte[16], 16);
            client.receive(reply);
            assertEquals(0, reply.getLength());
            client.setSoTimeout(300);
            int extra = 0;
            try {
                while (extra < 1000) {
                    client.receive(new DatagramPacket(new byte[16], 16));
                    extra++;
                }
            } catch (java.net.SocketTimeoutException quiet) {
                // nothing more came: the expected outcome
            }
            assertEquals(0, extra, "one empty datagram in, one empty datagram out");
            udp.close();
            server.join(5000);
        }
    }

    @Test
    void receiveTimesOutAndTruncates() throws Exception {
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.parse("127.0.0.1:0"));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            byte[] buf = new byte[16];
            assertEquals(-1, udp.receive(buf, 0, buf.length, 0));
            assertEquals(-1, udp.receive(buf, 0, buf.length, 50));
            client.send(new DatagramPacket(new byte[] {1, 2, 3, 4, 5, 6}, 6,
                    new InetSocketAddress("127.0.0.1", udp.localEndpoint().port())));
            assertEquals(4, udp.receive(buf, 2, 4, 5000));
            assertArrayEquals(new byte[] {0, 0, 1, 2, 3, 4, 0}, java.util.Arrays.copyOf(buf, 7));
            assertEquals(client.getLocalPort(), udp.sender().port());
            assertTrue(udp.sender().equals(UdpEndpoint.of("127.0.0.1", client.getLocalPort())));
        }
    }
}
