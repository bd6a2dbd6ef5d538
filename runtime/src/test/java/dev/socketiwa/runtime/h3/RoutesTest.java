package dev.socketiwa.runtime.h3;

import dev.socketiwa.quic.h3.Settings;
import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.qpack.QpackException;
import dev.socketiwa.quic.h3.webtransport.WebTransportHandler;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route matching through a real server session: exact, prefix, methods, extended CONNECT, errors. */
class RoutesTest {
    private final List<String> seen = new ArrayList<>();

    private Routes routes() {
        return Routes.builder()
                .get("/", x -> Responses.text(x, 200, "root"))
                .post("/items", x -> Responses.text(x, 201, "created"))
                .delete("/items", x -> Responses.text(x, 204, ""))
                .prefix("/files/", x -> Responses.text(x, 200, "files " + x.path()))
                .prefix("/files/big/", x -> Responses.text(x, 200, "big " + x.path()))
                .webTransport("/wt", new WebTransportHandler() {
                })
                .connect("websocket", "/ws", x -> {
                    seen.add("websocket " + x.path());
                    x.respond(200, List.of());
                })
                .build();
    }

    private String status(List<HeaderField> h) {
        return h.get(0).value;
    }

    @Test
    void exactPrefixAndMethods() throws QpackException {
        H3Wire w = new H3Wire(routes());
        assertEquals("200", status(w.request(0, "GET", "/?q=1", null)));
        assertEquals("root", new String(w.body(0), StandardCharsets.UTF_8));
        assertEquals("200", status(w.request(4, "HEAD", "/", null)), "HEAD falls back to GET");
        assertEquals(0, w.body(4).length);
        assertEquals("201", status(w.request(8, "POST", "/items", null)));
        List<HeaderField> notAllowed = w.request(12, "PUT", "/items", null);
        assertEquals("405", status(notAllowed));
        assertEquals("POST, DELETE", H3Wire.value(notAllowed, "allow"));
        w.request(16, "GET", "/files/big/x", null);
        assertEquals("big /files/big/x", new String(w.body(16), StandardCharsets.UTF_8), "the longer prefix wins");
        w.request(20, "GET", "/files/small", null);
        assertEquals("files /files/small", new String(w.body(20), StandardCharsets.UTF_8));
        assertEquals("404", status(w.request(24, "GET", "/nothing", null)));
        assertEquals(-1, w.io.closeCode);
    }

    @Test
    void extendedConnectGoesToItsProtocolsRoute() throws QpackException {
        Routes r = routes();
        assertTrue(r.servesWebTransport());
        H3Wire w = new H3Wire(r);
        assertEquals("200", status(w.request(0, "CONNECT", "/wt", "webtransport")));
        assertEquals(1, w.session.webTransport().activeSessions());
        assertEquals("200", status(w.request(4, "CONNECT", "/ws", "websocket")));
        assertEquals(List.of("websocket /ws"), seen);
        assertEquals("404", status(w.request(8, "CONNECT", "/ws", "webtransport")), "no WebTransport at /ws");
        assertEquals("404", status(w.request(12, "CONNECT", "/wt", "connect-udp")));
    }

    @Test
    void customNotFound() throws QpackException {
        H3Wire w = new H3Wire(Routes.builder().notFound(x -> Responses.text(x, 410, "gone")).build());
        assertEquals("410", status(w.request(0, "GET", "/x", null)));
        assertFalse(Routes.builder().build().servesWebTransport());
    }

    @Test
    void webTransportIsOfferedOnlyWhenARouteServesIt() {
        Settings with = Http3Handler.settingsFor(routes());
        assertEquals(1, with.get(Settings.ENABLE_WEBTRANSPORT_DRAFT02, 0));
        assertEquals(16, with.get(Settings.WT_MAX_SESSIONS, 0));
        Settings without = Http3Handler.settingsFor(Routes.builder().get("/", x -> { }).build());
        assertEquals(0, without.get(Settings.ENABLE_WEBTRANSPORT_DRAFT02, 0));
        assertEquals(0, without.get(Settings.WEBTRANSPORT_MAX_SESSIONS_DRAFT07, 0));
        assertEquals(0, without.get(Settings.WT_MAX_SESSIONS, 0));
        assertEquals(1, without.get(Settings.H3_DATAGRAM, 0), "datagrams and extended CONNECT stay");
        assertEquals(1, Http3Handler.settingsFor(new DemoRoutes()).get(Settings.ENABLE_WEBTRANSPORT_DRAFT02, 0));
    }

    @Test
    void declarationMistakesSayWhatToFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Routes.builder().get("/a", x -> { }).get("/a", x -> { }));
        assertTrue(e.getMessage().contains("GET /a is declared twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Routes.builder().get("a", x -> { }));
        assertTrue(e.getMessage().contains("must start with /"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Routes.builder().route("CONNECT", "/a", x -> { }));
        assertTrue(e.getMessage().contains("webTransport(...) or connect(...)"), e.getMessage());
    }
}
