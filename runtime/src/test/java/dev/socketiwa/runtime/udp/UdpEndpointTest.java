package dev.socketiwa.runtime.udp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UdpEndpointTest {
    @Test
    void parsesIpv4AndIpv6() {
        UdpEndpoint v4 = UdpEndpoint.parse("127.0.0.1:4433");
        assertArrayEquals(new byte[] {127, 0, 0, 1}, v4.address());
        assertEquals(4433, v4.port());
        assertEquals("127.0.0.1:4433", v4.toString());

        UdpEndpoint v6 = UdpEndpoint.parse("[::1]:443");
        byte[] loop6 = new byte[16];
        loop6[15] = 1;
        assertArrayEquals(loop6, v6.address());
        assertEquals("[0:0:0:0:0:0:0:1]:443", v6.toString());
        assertEquals(UdpEndpoint.of("0:0:0:0:0:0:0:1", 443), v6);

        byte[] mixed = UdpEndpoint.of("2001:db8::ffff:10.0.0.1", 1).address();
        assertEquals((byte) 0x20, mixed[0]);
        assertEquals((byte) 0xff, mixed[11]);
        assertEquals(10, mixed[12]);
        assertEquals(1, mixed[15]);
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UdpEndpoint.parse("localhost:1"))
                .getMessage().contains("numeric"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UdpEndpoint.parse("127.0.0.1"))
                .getMessage().contains("host:port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UdpEndpoint.parse("127.0.0.1:70000"))
                .getMessage().contains("0..65535"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UdpEndpoint.parse("::1:80"))
                .getMessage().contains("brackets"));
        assertThrows(IllegalArgumentException.class, () -> UdpEndpoint.of("1.2.3.256", 1));
        assertThrows(IllegalArgumentException.class, () -> UdpEndpoint.of("1::2::3", 1));
        assertThrows(IllegalArgumentException.class, () -> UdpEndpoint.of("1:2:3:4:5:6:7:8:9", 1));
    }
}
