package dev.socketiwa.it.wasm;

import dev.socketiwa.examples.echo.UdpEcho;
import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The udp-echo example as socketiwa:compile built it, run under Node 24 through the real shim, loader and JSPI path
 * (a dgram stand-in replaces Chrome's UDPSocket), compared in the same run with the same app on the JVM.
 */
class NodeWasmEchoTest {
    static Path exampleWeb() {
        Path web = Paths.get(System.getProperty("socketiwa.exampleWeb", "../examples/udp-echo/target/socketiwa/web"));
        assertTrue(Files.isRegularFile(web.resolve("app.wasm")), "the udp-echo example is not built at " + web.toAbsolutePath()
                + ": run the reactor build (mvn verify) so examples/udp-echo is packaged before the it module");
        return web;
    }

    @Test
    void wasmEchoUnderNodeIsByteIdenticalAndSurvivesABurst() throws Exception {
        try (NodeApp app = new NodeApp(exampleWeb(), "127.0.0.1:0")) {
            int port = app.awaitListening();
            try (EchoProbe probe = new EchoProbe(new InetSocketAddress("127.0.0.1", port))) {
                probe.lockstep(1472, 1472);
                Map<String, Long> afterLockstep = app.stats();
                assertEquals(1472L, afterLockstep.get("received"), app.transcript());
                assertEquals(1472L, afterLockstep.get("sent"));
                assertEquals(0L, afterLockstep.get("waitsWithData"),
                        "the Suspending rxWait import must be called only when the queue is empty");

                EchoProbe.BurstResult burst = probe.burst(10_000, 1200, 2000);
                Map<String, Long> afterBurst = app.stats();
                System.out.println("[node-wasm] " + burst + "; shim " + afterBurst);
                assertEquals(0, burst.corrupt(), "no echo may come back altered");
                assertTrue(burst.echoed() > 0, "the burst got no echo at all: " + app.transcript());
                assertEquals(0L, afterBurst.get("waitsWithData"),
                        "queued datagrams must be taken through the plain import, never through a JSPI suspension");
                assertEquals(afterBurst.get("received"), afterBurst.get("sent"), "every datagram the app took was echoed");
                assertTrue(app.isAlive(), "the app must survive the burst");
                probe.lockstep(200, 1472);
            }
        }
    }

    @Test
    void aCongestedWriterMakesTheAppWaitInsteadOfDroppingOrGrowing() throws Exception {
        try (NodeApp app = new NodeApp(exampleWeb(), "127.0.0.1:0", 1)) {
            int port = app.awaitListening();
            try (EchoProbe probe = new EchoProbe(new InetSocketAddress("127.0.0.1", port))) {
                EchoProbe.BurstResult burst = probe.burst(1000, 200, 3000);
                Map<String, Long> stats = app.stats();
                System.out.println("[node-wasm slow writer] " + burst + "; shim " + stats);
                assertTrue(stats.get("writerWaits") > 0, "sends beyond the in-flight limit must wait: " + stats);
                assertEquals(0L, stats.get("sendErrors"));
                assertEquals(stats.get("received"), stats.get("sent"), "every datagram taken is sent, none dropped by the shim");
                assertEquals(0, burst.corrupt());
                probe.lockstep(50, 1472);
            }
        }
    }

    @Test
    void echoRateNodeWasmVersusJvm() throws Exception {
        double wasmRate;
        try (NodeApp app = new NodeApp(exampleWeb(), "127.0.0.1:0")) {
            int port = app.awaitListening();
            try (EchoProbe probe = new EchoProbe(new InetSocketAddress("127.0.0.1", port))) {
                probe.lockstep(500, 1200);
                wasmRate = probe.lockstepRate(1200, 2000);
            }
        }
        double jvmRate;
        DatagramChannelTransport udp = DatagramChannelTransport.bind(UdpEndpoint.parse("127.0.0.1:0"));
        Thread server = new Thread(() -> {
            try {
                new UdpEcho().serve(udp);
            } catch (RuntimeException closed) {
                // the socket was closed: the loop ends
            }
        });
        server.start();
        try (EchoProbe probe = new EchoProbe(new InetSocketAddress("127.0.0.1", udp.localEndpoint().port()))) {
            probe.lockstep(500, 1200);
            jvmRate = probe.lockstepRate(1200, 2000);
        } finally {
            udp.close();
            server.join(5000);
        }
        System.out.printf("[echo-rate] 1200-byte lockstep echoes/s: wasm under Node 24 %.0f, JVM %.0f (ratio %.2f)%n",
                wasmRate, jvmRate, wasmRate / jvmRate);
        assertTrue(wasmRate > 0 && jvmRate > 0);
    }
}
