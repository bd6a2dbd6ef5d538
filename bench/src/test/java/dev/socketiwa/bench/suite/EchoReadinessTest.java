package dev.socketiwa.bench.suite;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketiwa.bench.echo.JvmUdpEcho;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import org.junit.jupiter.api.Test;

class EchoReadinessTest {

    @Test
    void returnsOnceTheEchoAnswers() throws Exception {
        try (JvmUdpEcho echo = JvmUdpEcho.start(0)) {
            assertTrue(EchoReadiness.await(echo.address(), 10_000) >= 0);
        }
    }

    @Test
    void waitsForAnEchoThatStartsLater() throws Exception {
        int port;
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(600);
                JvmUdpEcho.start(port); // daemon thread; dies with the test JVM
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        late.start();
        long waited = EchoReadiness.await(new InetSocketAddress("127.0.0.1", port), 20_000);
        late.join();
        assertTrue(waited >= 500, "answered only after it started: " + waited + " ms");
    }

    @Test
    void givesUpWithAClearMessage() throws Exception {
        InetSocketAddress nobody;
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            nobody = (InetSocketAddress) probe.getLocalAddress();
        }
        IOException e = assertThrows(IOException.class, () -> EchoReadiness.await(nobody, 1_000));
        assertTrue(e.getMessage().contains("no echo from 127.0.0.1:" + nobody.getPort()), e.getMessage());
    }
}
