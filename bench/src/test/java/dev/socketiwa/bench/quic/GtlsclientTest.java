package dev.socketiwa.bench.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading gtlsclient's results: bodies are judged by the files it saved, since -q prints nothing and 404 exits 0. */
class GtlsclientTest {
    @Test
    void completeBodiesCount(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("1000"), new byte[1000]);
        Files.write(dir.resolve("1001"), new byte[1001]);
        Gtlsclient.Fetch f = Gtlsclient.check(dir, List.of(1000L, 1001L), 0, 0.5, "");
        assertEquals(2, f.complete());
        assertEquals(0, f.incomplete());
        assertNull(f.problem());
        assertTrue(f.allComplete());
    }

    @Test
    void aShortOrMissingBodyIsNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("1000"), "not found"); // what a 404 body would leave
        Gtlsclient.Fetch f = Gtlsclient.check(dir, List.of(1000L, 1001L), 0, 0.5, "");
        assertEquals(0, f.complete());
        assertEquals(2, f.incomplete());
        assertEquals("/bytes/1000 came back with 9 bytes", f.problem());
        assertTrue(!f.allComplete());
    }

    @Test
    void aFailedProcessShowsTheEndOfItsOutput(@TempDir Path dir) throws Exception {
        Gtlsclient.Fetch f = Gtlsclient.check(dir, List.of(1000L), 1, 0.5, "blah\nI00000001 handshake timeout\n");
        assertTrue(f.problem().startsWith("gtlsclient exited with 1: blah"), f.problem());
        assertTrue(f.problem().endsWith("handshake timeout"), f.problem());
    }

    @Test
    void commandFetchesEachPathOnOneConnection(@TempDir Path dir) {
        Gtlsclient g = new Gtlsclient(Path.of("/usr/bin/gtlsclient"));
        List<String> cmd = g.command(new InetSocketAddress("127.0.0.1", 4433), dir, List.of("/bytes/1", "/bytes/2"));
        assertEquals(List.of("/usr/bin/gtlsclient", "-q", "--exit-on-all-streams-close", "--handshake-timeout=10s",
                "--timeout=30s", "--download=" + dir, "127.0.0.1", "4433", "https://127.0.0.1:4433/bytes/1",
                "https://127.0.0.1:4433/bytes/2"), cmd);
        List<String> v6 = g.command(new InetSocketAddress("::1", 4433), dir, List.of("/x"));
        assertEquals("https://[0:0:0:0:0:0:0:1]:4433/x", v6.get(v6.size() - 1));
    }

    @Test
    void missingBinaryIsAnActionableError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gtlsclient.locate("/nonexistent/gtlsclient"));
        assertTrue(e.getMessage().contains("apt-get install ngtcp2-client"), e.getMessage());
    }

    @Test
    void limitsRefuseRunawayRuns() throws Exception {
        Gtlsclient g = new Gtlsclient(Path.of("/usr/bin/gtlsclient"));
        InetSocketAddress t = new InetSocketAddress("127.0.0.1", 9);
        Path d = Path.of("unused");
        assertThrows(IllegalArgumentException.class, () -> Http3Download.run(g, t, d, (1L << 30) + 1, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> Http3Requests.run(g, t, d, 10_001, 1, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> Http3Requests.run(g, t, d, 1, 65, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> HandshakeRate.run(t, "h3", 1, 121, 10));
        assertThrows(IllegalArgumentException.class, () -> EchoStreamThroughput.run(t, 0, 1000));
    }
}
