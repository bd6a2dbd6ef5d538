package dev.socketiwa.runtime.h3;

import dev.socketiwa.quic.h3.H3ClientRequest;
import dev.socketiwa.quic.h3.H3ResponseListener;
import dev.socketiwa.quic.h3.qpack.HeaderField;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** A whole response as {@link Http3Client#fetch} collected it. */
public final class Http3Response {
    public final int status;
    public final List<HeaderField> headers;
    public final byte[] body;
    /** Trailer fields, or null when none came. */
    public final List<HeaderField> trailers;

    Http3Response(int status, List<HeaderField> headers, byte[] body, List<HeaderField> trailers) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.trailers = trailers;
    }

    /** The first value of a response field, or null. */
    public String header(String name) {
        for (HeaderField f : headers) {
            if (f.name.equals(name)) return f.value;
        }
        return null;
    }

    /** Streams the request body as the stream takes it and gathers the response. */
    static final class Collector implements H3ResponseListener {
        private final byte[] requestBody;
        private int sent;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] buf = new byte[32 * 1024];
        private boolean ended;
        private boolean aborted;

        Collector(byte[] requestBody) {
            this.requestBody = requestBody;
        }

        void start(H3ClientRequest r) {
            onWritable(r);
        }

        boolean done() {
            return ended || aborted;
        }

        @Override
        public void onWritable(H3ClientRequest r) {
            if (requestBody != null) {
                while (sent < requestBody.length) {
                    int n = r.write(requestBody, sent, requestBody.length - sent);
                    if (n <= 0) return;
                    sent += n;
                }
            }
            r.finish();
        }

        @Override
        public void onReadable(H3ClientRequest r) {
            int n;
            while ((n = r.read(buf, 0, buf.length)) > 0) body.write(buf, 0, n);
            if (n < 0 && r.isResponseEnded()) ended = true;
        }

        @Override
        public void onAbort(H3ClientRequest r, long errorCode) {
            aborted = true;
        }

        Http3Response response(H3ClientRequest r) {
            return new Http3Response(r.status(), r.responseHeaders(), body.toByteArray(), r.trailers());
        }
    }
}
