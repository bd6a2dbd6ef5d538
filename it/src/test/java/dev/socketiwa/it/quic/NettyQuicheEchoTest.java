package dev.socketiwa.it.quic;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Netty's quiche client (an independent QUIC stack, BoringSSL) does echo on several streams and datagrams against our server. */
class NettyQuicheEchoTest {
    @Test
    void echoOnStreamsAndDatagrams() throws Exception {
        try (OurServer server = new OurServer();
             NettyQuicheEchoClient client = new NettyQuicheEchoClient(server.port())) {
            Random r = new Random(4);
            byte[][] payload = new byte[4][300_000];
            for (byte[] p : payload) r.nextBytes(p);
            byte[][] got = client.echoStreams(payload, 60);
            for (int i = 0; i < payload.length; i++) {
                assertArrayEquals(payload[i], got[i], "stream " + i);
            }
            // Datagrams are unreliable by design (RFC 9221): either side may drop one while 1.2 MB of stream data fills
            // the congestion window, so they go out on the idle connection, where loopback must deliver every one.
            for (int i = 0; i < 5; i++) client.sendDatagram(("datagram " + i).getBytes());
            List<byte[]> datagrams = client.datagrams(5, 5000);
            assertEquals(5, datagrams.size(), "loopback should lose no datagram");
            assertTrue(new String(datagrams.get(0)).startsWith("datagram "));
        }
    }
}
