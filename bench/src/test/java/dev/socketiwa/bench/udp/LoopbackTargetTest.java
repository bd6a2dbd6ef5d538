package dev.socketiwa.bench.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LoopbackTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:4433", "127.9.8.7:1", "localhost:65535", "[::1]:443"})
    void acceptsLoopback(String text) {
        InetSocketAddress a = LoopbackTarget.parse(text);
        assertTrue(a.getAddress().isLoopbackAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1:4433", "192.168.1.10:53", "8.8.8.8:53", "0.0.0.0:4433", "[2001:db8::1]:443",
        "[::]:443", "example.com:80", "localhost.example.com:80"})
    void refusesAnythingElse(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoopbackTarget.parse(text));
        assertTrue(e.getMessage().contains("refusing"), e.getMessage());
        assertTrue(e.getMessage().contains("loopback"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "127.0.0.1", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:70000", "127.0.0.1:http",
        "999.0.0.1:80", "[::1]443", "::1:443"})
    void malformedTargetsGetAClearMessage(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoopbackTarget.parse(text));
        assertTrue(e.getMessage().contains("target"), e.getMessage());
    }

    @Test
    void configRefusesANonLoopbackAddressGivenDirectly() throws Exception {
        InetSocketAddress lan = new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 1, 2, 3}), 9);
        assertThrows(IllegalArgumentException.class, () -> LoadConfig.defaults(LoadMode.BURST, lan));
    }

    @Test
    void formatsBothFamilies() {
        assertEquals("127.0.0.1:9", LoopbackTarget.format(LoopbackTarget.parse("127.0.0.1:9")));
        assertEquals("[0:0:0:0:0:0:0:1]:9", LoopbackTarget.format(LoopbackTarget.parse("[::1]:9")));
    }
}
