package dev.socketiwa.it.browser;

import dev.socketiwa.plugin.core.chrome.ChromeException;
import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the app cannot start, the harness fails at once and the failure carries the app's own log and console. */
class BrowserHarnessFailureTest {
    @Test
    void anAppThatCannotBindFailsWithItsLogInTheMessage() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int port = taken.getLocalPort();
            ChromeException e = assertThrows(ChromeException.class, () -> BrowserHarness.builder()
                    .content(AppContents.fixture("iwa/js-echo", "JS echo fixture"))
                    .open("/?listen=127.0.0.1:" + port)
                    .start()
                    .close());
            String message = e.getMessage();
            System.out.println("[browser] expected failure report:\n" + message);
            assertTrue(message.contains("the app reported failure"), message);
            assertTrue(message.contains("--- app log"), message);
            assertTrue(message.contains("failed: "), message); // the fixture's own log line, with the bind error
            assertTrue(message.contains("console.log: failed: "), message);
        }
    }
}
