package dev.socketiwa.it.browser;

import dev.socketiwa.it.tools.TestTools;
import dev.socketiwa.plugin.core.bundle.WebResource;
import dev.socketiwa.plugin.core.chrome.AppPage;
import dev.socketiwa.plugin.core.chrome.Chromium;
import dev.socketiwa.plugin.core.chrome.ChromiumOptions;
import dev.socketiwa.plugin.core.dev.DevSession;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * socketiwa:dev -Dsocketiwa.launch=true without Maven: the app is installed, granted and echoing; closing the session
 * ends exactly the Chromium it started (every process of it) and deletes its profile, while other processes live on.
 */
class DevSessionTest {
    @Test
    void launchServesTheAppAndCloseStopsOnlyItsOwnChromium() throws Exception {
        int port = FreePorts.udp();
        SortedMap<String, WebResource> content = AppContents.fixture("iwa/js-echo", "JS echo fixture");
        Process bystander = new ProcessBuilder("sleep", "60").start(); // stands for anyone else's processes
        Chromium chromium;
        Path profile;
        List<ProcessHandle> chromiumProcesses;
        try (DevSession session = DevSession.serve(0, () -> content)) {
            AppPage page = session.launch(new ChromiumOptions(TestTools.chromium()).headless(true).sandbox(false),
                    "/?listen=127.0.0.1:" + port);
            page.waitFor("!!document.body && document.body.dataset.state === 'listening'", Duration.ofSeconds(60));
            chromium = session.chromium();
            profile = chromium.profileDirectory();
            chromiumProcesses = ProcessHandle.of(chromium.pid()).orElseThrow().descendants().toList();
            assertTrue(Files.isDirectory(profile), profile.toString());
            assertFalse(chromiumProcesses.isEmpty(), "Chromium runs renderer and utility processes");
            assertEquals("ping", echoOnce(port, "ping"), page.diagnostics());
            assertTrue(session.launchPhases().contains("dev-proxy install"), session.launchPhases());
        }
        try {
            assertFalse(chromium.isRunning(), "the browser process is gone after close");
            for (ProcessHandle p : chromiumProcesses) {
                p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                assertFalse(p.isAlive(), "Chromium child " + p.pid() + " is gone");
            }
            assertFalse(Files.exists(profile), "the fresh profile is deleted: " + profile);
            assertTrue(bystander.isAlive(), "processes the session did not start are left alone");
        } finally {
            bystander.destroy();
        }
    }

    private static String echoOnce(int port, String text) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(5000);
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(data, data.length, new InetSocketAddress("127.0.0.1", port)));
            DatagramPacket reply = new DatagramPacket(new byte[100], 100);
            socket.receive(reply);
            return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
        }
    }
}
