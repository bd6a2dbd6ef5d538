package dev.socketiwa.it.wasm;

import dev.socketiwa.plugin.core.wasm.WasmCompiler;
import dev.socketiwa.plugin.core.wasm.WebAssets;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Error paths of an app in wasm under Node 24: catchable exceptions, receive timeouts, an app that fails. */
class WasmErrorPathsTest {
    /** Kept after the run (under target/) so a failure can be replayed with it/src/test/node/run-app.mjs. */
    private final Path out = Path.of("target/wasm-apps/failing-app");

    @Test
    void exceptionsAreCatchableTimeoutsSuspendAndAFailingAppIsReported() throws Exception {
        List<Path> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            cp.add(Path.of(entry));
        }
        new WasmCompiler(s -> { }, s -> { }).compile("dev.socketiwa.it.wasm.failing.FailingApp", cp, out);
        WebAssets.write(out, "127.0.0.1:4433");
        try (NodeApp app = new NodeApp(out, "127.0.0.1:0");
             DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int port = app.awaitListening();
            client.setSoTimeout(5000);
            client.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, new InetSocketAddress("127.0.0.1", port)));
            assertEquals("caught", receive(client, app), app.transcript());
            assertEquals("timeout -1 after waiting", receive(client, app), app.transcript());
            app.awaitLine("\"state\":\"failed\"");
            app.awaitLine("app gave up on purpose");
        }
    }

    private static String receive(DatagramSocket socket, NodeApp app) throws Exception {
        byte[] buf = new byte[100];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(p);
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("no reply from the app; its output:\n" + app.transcript(), e);
        }
        return new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
    }
}
