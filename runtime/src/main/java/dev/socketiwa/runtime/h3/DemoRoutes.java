package dev.socketiwa.runtime.h3;

import dev.socketiwa.quic.h3.H3Exchange;
import dev.socketiwa.quic.h3.H3ExchangeListener;
import dev.socketiwa.quic.h3.H3RequestHandler;
import dev.socketiwa.quic.h3.qpack.HeaderField;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The proof of concept's HTTP/3 routes: {@code GET /} (a small page), {@code POST /echo} (the body sent back as it
 * arrives) and {@code GET /bytes/<n>} (n bytes, streamed from one reusable buffer, for load tests).
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

    @Override
    public void onRequest(H3Exchange x) {
        String method = x.method();
        String path = x.path();
        if (path == null || x.protocol() != null) {
            // plain CONNECT has no :path; WebTransport and WebSocket sessions (extended CONNECT) are not served yet
            simple(x, 501, "CONNECT is not served here\n");
        } else if (path.equals("/")) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                simple(x, 405, "method not allowed\n");
                return;
            }
            x.respond(200, List.of(new HeaderField("content-type", "text/html; charset=utf-8"),
                    new HeaderField("content-length", Integer.toString(PAGE.length))));
            if (method.equals("GET")) new BytesSender(PAGE, PAGE.length).start(x);
            else x.finish();
        } else if (path.equals("/echo")) {
            if (!method.equals("POST") && !method.equals("PUT")) {
                simple(x, 405, "POST a body to /echo\n");
                return;
            }
            String type = x.header("content-type");
            String length = x.header("content-length");
            x.respond(200, length != null
                    ? List.of(new HeaderField("content-type", type != null ? type : "application/octet-stream"),
                            new HeaderField("content-length", length))
                    : List.of(new HeaderField("content-type", type != null ? type : "application/octet-stream")));
            new Echo().start(x);
        } else if (path.startsWith("/bytes/")) {
            long n = parseCount(path.substring("/bytes/".length()));
            if (n < 0) {
                simple(x, 400, "use /bytes/<n> with 0 <= n <= " + MAX_BYTES + "\n");
                return;
            }
            x.respond(200, List.of(new HeaderField("content-type", "application/octet-stream"),
                    new HeaderField("content-length", Long.toString(n))));
            new BytesSender(PATTERN, n).start(x);
        } else {
            simple(x, 404, "not found\n");
        }
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

    private static void simple(H3Exchange x, int status, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        x.respond(status, List.of(new HeaderField("content-type", "text/plain; charset=utf-8"),
                new HeaderField("content-length", Integer.toString(body.length))));
        new BytesSender(body, body.length).start(x);
    }

    /** Sends total bytes cycling through a source buffer, as fast as the stream takes them. */
    private static final class BytesSender implements H3ExchangeListener {
        private final byte[] source;
        private final long total;
        private long sent;

        BytesSender(byte[] source, long total) {
            this.source = source;
            this.total = total;
        }

        void start(H3Exchange x) {
            x.setListener(this);
            onWritable(x);
        }

        @Override
        public void onWritable(H3Exchange x) {
            while (sent < total) {
                int off = (int) (sent % source.length);
                int n = x.write(source, off, (int) Math.min(source.length - off, total - sent));
                if (n <= 0) return;
                sent += n;
            }
            x.finish();
        }
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
