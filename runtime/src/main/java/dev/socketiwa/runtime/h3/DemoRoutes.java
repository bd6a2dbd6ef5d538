package dev.socketiwa.runtime.h3;

import dev.socketiwa.quic.h3.H3Exchange;
import dev.socketiwa.quic.h3.H3ExchangeListener;
import dev.socketiwa.quic.h3.H3RequestHandler;
import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.webtransport.WebTransportHandler;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The proof of concept's HTTP/3 routes, declared with {@link Routes}: {@code GET /} (a small page), {@code POST /echo}
 * (the body sent back as it arrives), {@code GET /bytes/<n>} (n bytes, streamed from one reusable buffer, for load
 * tests), WebTransport at {@code /wt} (echo) and WebSocket over HTTP/3 at {@code /ws} (echo).
 */
public final class DemoRoutes implements H3RequestHandler {
    /** Largest n that /bytes/n serves (a bit above 1 GiB keeps a typo from streaming for hours). */
    public static final long MAX_BYTES = 1L << 30;
    static final byte[] PAGE = ("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Socket.IWA</title></head>\n"
            + "<body><h1>Socket.IWA HTTP/3</h1><p>Served over HTTP/3 by a Java QUIC stack.</p></body></html>\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] PATTERN = new byte[16384];

    static {
        for (int i = 0; i < PATTERN.length; i++) PATTERN[i] = (byte) ('a' + i % 26);
    }

    private final Routes routes;

    /** The routes with a WebTransport echo that logs to standard output. */
    public DemoRoutes() {
        this(new WebTransportEcho());
    }

    public DemoRoutes(WebTransportHandler webTransport) {
        this.routes = routes(webTransport);
    }

    /** The demo routes with this WebTransport handler at /wt. */
    public static Routes routes(WebTransportHandler webTransport) {
        return Routes.builder()
                .get("/", DemoRoutes::page)
                .post("/echo", DemoRoutes::echo)
                .put("/echo", DemoRoutes::echo)
                .prefix("/bytes/", DemoRoutes::bytes)
                .webTransport("/wt", webTransport)
                .webSocket("/ws", new dev.socketiwa.runtime.websocket.WebSocketEcho())
                .build();
    }

    @Override
    public void onRequest(H3Exchange x) {
        routes.onRequest(x);
    }

    private static void page(H3Exchange x) {
        Responses.bytes(x, 200, "text/html; charset=utf-8", PAGE);
    }

    private static void echo(H3Exchange x) {
        String type = x.header("content-type");
        String length = x.header("content-length");
        x.respond(200, length != null
                ? List.of(new HeaderField("content-type", type != null ? type : "application/octet-stream"),
                        new HeaderField("content-length", length))
                : List.of(new HeaderField("content-type", type != null ? type : "application/octet-stream")));
        new Echo().start(x);
    }

    private static void bytes(H3Exchange x) {
        long n = parseCount(x.path().substring("/bytes/".length()));
        if (n < 0) {
            Responses.text(x, 400, "use /bytes/<n> with 0 <= n <= " + MAX_BYTES + "\n");
            return;
        }
        x.respond(200, List.of(new HeaderField("content-type", "application/octet-stream"),
                new HeaderField("content-length", Long.toString(n))));
        Responses.send(x, PATTERN, n);
    }

    private static long parseCount(String s) {
        if (s.isEmpty() || s.length() > 12) return -1;
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n <= MAX_BYTES ? n : -1;
    }

    /** Sends the request body back as it arrives; stops reading while the response side is full. */
    private static final class Echo implements H3ExchangeListener {
        private final byte[] buf = new byte[16384];
        private int start;
        private int end;
        private boolean ended;

        void start(H3Exchange x) {
            x.setListener(this);
            pump(x);
        }

        @Override
        public void onReadable(H3Exchange x) {
            pump(x);
        }

        @Override
        public void onWritable(H3Exchange x) {
            pump(x);
        }

        @Override
        public void onAbort(H3Exchange x, long errorCode) {
            ended = true;
        }

        private void pump(H3Exchange x) {
            while (!x.isAborted()) {
                if (start < end) {
                    int w = x.write(buf, start, end - start);
                    if (w < 0) return;
                    start += w;
                    if (start < end) return;
                }
                start = end = 0;
                if (ended) {
                    x.finish();
                    return;
                }
                int n = x.read(buf, 0, buf.length);
                if (n == 0) return;
                if (n < 0) {
                    ended = true;
                    if (x.isAborted()) return;
                    continue;
                }
                end = n;
            }
        }
    }
}
