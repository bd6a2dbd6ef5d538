package dev.socketiwa.runtime.h3;

import dev.socketiwa.quic.h3.H3Exchange;
import dev.socketiwa.quic.h3.H3ExchangeListener;
import dev.socketiwa.quic.h3.qpack.HeaderField;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small helpers for whole responses; the body goes out as the stream takes it (never blocking). */
public final class Responses {
    private Responses() {
    }

    /** A plain-text response with content-length. */
    public static void text(H3Exchange x, int status, String text) {
        bytes(x, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A response with this body and content type. HEAD gets the headers only. */
    public static void bytes(H3Exchange x, int status, String contentType, byte[] body) {
        x.respond(status, List.of(new HeaderField("content-type", contentType),
                new HeaderField("content-length", Integer.toString(body.length))));
        if ("HEAD".equals(x.method())) x.finish();
        else sendBody(x, body);
    }

    /** Sends the body after headers the caller already sent, then finishes. */
    public static void sendBody(H3Exchange x, byte[] body) {
        send(x, body, body.length);
    }

    /** Sends total bytes, cycling through source (for generated bodies), then finishes. */
    public static void send(H3Exchange x, byte[] source, long total) {
        Sender s = new Sender(source, total);
        x.setListener(s);
        s.onWritable(x);
    }

    /** Writes as much as the stream takes on each onWritable. */
    private static final class Sender implements H3ExchangeListener {
        private final byte[] source;
        private final long total;
        private long sent;

        Sender(byte[] source, long total) {
            this.source = source;
            this.total = total;
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
}
