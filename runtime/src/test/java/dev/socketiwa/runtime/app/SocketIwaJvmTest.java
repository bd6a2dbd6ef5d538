package dev.socketiwa.runtime.app;

import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SocketIwaJvmTest {
    @Test
    void runBindsTheListenArgumentAndClosesAfterTheApp() {
        AtomicReference<UdpEndpoint> bound = new AtomicReference<>();
        SocketIwa.run(udp -> bound.set(udp.localEndpoint()), new String[] {"--listen", "127.0.0.1:0"});
        assertEquals("127.0.0.1", bound.get().host());
        assertNotEquals(0, bound.get().port());
    }

    @Test
    void listenComesFromArgumentsThenPropertyThenDefault() {
        assertEquals("1.2.3.4:5", JvmHome.listenAddress(new String[] {"--listen=1.2.3.4:5"}));
        assertEquals("1.2.3.4:6", JvmHome.listenAddress(new String[] {"x", "--listen", "1.2.3.4:6"}));
        String old = System.getProperty("socketiwa.listen");
        try {
            System.setProperty("socketiwa.listen", "[::1]:7");
            assertEquals("[::1]:7", JvmHome.listenAddress(new String[0]));
            System.clearProperty("socketiwa.listen");
            assertEquals(SocketIwa.DEFAULT_LISTEN, JvmHome.listenAddress(null));
        } finally {
            if (old != null) {
                System.setProperty("socketiwa.listen", old);
            }
        }
    }

    @Test
    void theStartupLineSaysWhatTheOsGrantedAndHowToGetMore() {
        UdpEndpoint any = UdpEndpoint.parse("127.0.0.1:0");
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(any, 0)) {
            assertTrue(JvmHome.bufferNote(udp).contains("OS default socket buffers: receive " + udp.receiveBufferBytes()),
                    JvmHome.bufferNote(udp));
        }
        // 1 GiB is above any sane net.core.rmem_max: the OS grants less and the note says how to raise it.
        try (DatagramChannelTransport udp = DatagramChannelTransport.bind(any, 1 << 30)) {
            String note = JvmHome.bufferNote(udp);
            assertTrue(note.contains("asked " + (1 << 30) + " B, OS reports receive " + udp.receiveBufferBytes()), note);
            assertTrue(note.contains("raise net.core.rmem_max"), note);
        }
    }

    @Test
    void aBadListenAddressSaysWhatToWrite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SocketIwa.run(udp -> { }, new String[] {"--listen=localhost"}));
        assertTrue(e.getMessage().contains("host:port"), e.getMessage());
    }

    @Test
    void anAppFailureIsReportedWithItsCause() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SocketIwa.run(udp -> {
            throw new java.io.IOException("boom");
        }, new String[] {"--listen=127.0.0.1:0"}));
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
    }
}
