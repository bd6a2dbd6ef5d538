package dev.socketiwa.runtime.udp.jvm;

import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.UdpException;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The socket buffer sizes asked of the OS at bind, and what it reports back (no speed measured here). */
class SocketBufferSizeTest {
    private static final UdpEndpoint ANY_PORT = UdpEndpoint.parse("127.0.0.1:0");

    @Test
    void defaultBindAsksForFourMebibytesAndReportsTheGrant() {
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(ANY_PORT)) {
            assertEquals(4 * 1024 * 1024, udp.requestedBufferBytes());
            assertTrue(udp.receiveBufferBytes() > 0, "SO_RCVBUF " + udp.receiveBufferBytes());
            assertTrue(udp.sendBufferBytes() > 0, "SO_SNDBUF " + udp.sendBufferBytes());
            System.out.println("OS reports SO_RCVBUF " + udp.receiveBufferBytes() + " B, SO_SNDBUF " + udp.sendBufferBytes()
                    + " B for " + udp.requestedBufferBytes() + " B asked");
        }
    }

    /**
     * A size below the OS default, so the OS grants it whatever its caps: the reported size then differs from an
     * untouched socket's, which it could not if the option were never set.
     */
    @Test
    void theRequestedSizeReachesTheSocket() throws Exception {
        int osDefault;
        try (DatagramChannel plain = DatagramChannel.open()) {
            plain.bind(new InetSocketAddress("127.0.0.1", 0));
            osDefault = plain.getOption(StandardSocketOptions.SO_RCVBUF);
        }
        int small = 16 * 1024;
        assertTrue(small < osDefault / 2, "this OS's default receive buffer " + osDefault + " is too small for this test");
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(ANY_PORT, small)) {
            assertEquals(small, udp.requestedBufferBytes());
            assertTrue(udp.receiveBufferBytes() >= small && udp.receiveBufferBytes() < osDefault,
                    "asked " + small + ", OS reports " + udp.receiveBufferBytes() + ", default " + osDefault);
        }
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(ANY_PORT, 0)) {
            assertEquals(osDefault, udp.receiveBufferBytes(), "0 keeps the OS default");
        }
    }

    @Test
    void thePropertySetsTheSizeBindAsksFor() {
        String old = System.getProperty(DatagramChannelTransport.BUFFER_BYTES_PROPERTY);
        try {
            System.setProperty(DatagramChannelTransport.BUFFER_BYTES_PROPERTY, "32768");
            try (DatagramChannelTransport udp = DatagramChannelTransport.bind(ANY_PORT)) {
                assertEquals(32768, udp.requestedBufferBytes());
            }
        } finally {
            if (old == null) {
                System.clearProperty(DatagramChannelTransport.BUFFER_BYTES_PROPERTY);
            } else {
                System.setProperty(DatagramChannelTransport.BUFFER_BYTES_PROPERTY, old);
            }
        }
    }

    @Test
    void badSizesAreClearErrors() {
        assertEquals(DatagramChannelTransport.DEFAULT_BUFFER_BYTES, DatagramChannelTransport.parseBufferBytes(null));
        assertEquals(DatagramChannelTransport.DEFAULT_BUFFER_BYTES, DatagramChannelTransport.parseBufferBytes(" "));
        assertEquals(1_048_576, DatagramChannelTransport.parseBufferBytes(" 1048576 "));
        assertEquals(0, DatagramChannelTransport.parseBufferBytes("0"));
        for (String bad : new String[] {"-1", "4M", "99999999999"}) {
            UdpException e = assertThrows(UdpException.class, () -> DatagramChannelTransport.parseBufferBytes(bad), bad);
            assertTrue(e.getMessage().contains(DatagramChannelTransport.BUFFER_BYTES_PROPERTY), e.getMessage());
        }
        assertThrows(UdpException.class, () -> DatagramChannelTransport.bind(ANY_PORT, -5));
    }
}
