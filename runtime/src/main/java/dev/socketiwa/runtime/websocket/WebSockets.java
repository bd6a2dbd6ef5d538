package dev.socketiwa.runtime.websocket;

import dev.socketiwa.quic.crypto.RandomSource;
import dev.socketiwa.quic.h3.H3ClientRequest;
import dev.socketiwa.quic.h3.H3ClientSession;
import dev.socketiwa.quic.h3.H3Error;
import dev.socketiwa.quic.h3.H3Exchange;
import dev.socketiwa.quic.h3.H3ExchangeListener;
import dev.socketiwa.quic.h3.H3ResponseListener;
import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.runtime.h3.Http3Client;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** WebSocket over HTTP/3 (RFC 9220): the server accepting an extended CONNECT, and the client opening one. */
public final class WebSockets {
    public static final String PROTOCOL = "websocket";
    private static final String VERSION = "13";

    private WebSockets() {
    }

    /**
     * Accepts an exchange whose {@code :protocol} is websocket: 200, then WebSocket frames on the stream, events to
     * the handler. A request with another {@code sec-websocket-version} than 13 gets 400 naming the one we speak.
     */
    public static WebSocket accept(H3Exchange x, WebSocketHandler handler) {
        if (!PROTOCOL.equals(x.protocol())) {
            byte[] body = "not a WebSocket CONNECT\n".getBytes(StandardCharsets.UTF_8);
            x.respond(400, List.of(new HeaderField("content-length", Integer.toString(body.length))));
            x.write(body, 0, body.length);
            x.finish();
            return null;
        }
        String version = x.header("sec-websocket-version");
        if (version != null && !version.equals(VERSION)) {
            x.respond(400, List.of(new HeaderField("sec-websocket-version", VERSION), new HeaderField("content-length", "0")));
            x.finish();
            return null;
        }
        WebSocket ws = new WebSocket(false, x.path(), handler, null);
        x.respond(200, List.of());
        x.setListener(new H3ExchangeListener() {
            @Override
            public void onReadable(H3Exchange e) {
                ws.onReadable();
            }

            @Override
            public void onWritable(H3Exchange e) {
                ws.onWritable();
            }

            @Override
            public void onAbort(H3Exchange e, long errorCode) {
                ws.onAborted();
            }
        });
        ws.opened(new WebSocket.Tunnel() {
            @Override
            public int read(byte[] b, int off, int len) {
                return x.read(b, off, len);
            }

            @Override
            public int write(byte[] b, int off, int len) {
                return x.write(b, off, len);
            }

            @Override
            public void finish() {
                x.finish();
            }

            @Override
            public void abort(long code) {
                x.abort(code);
            }
        });
        return ws;
    }

    /**
     * Opens a WebSocket at path through the client's connection; the handler hears onOpen once the server answered
     * 200 (or onClose with 1006 when it refused). Call after {@link Http3Client#awaitReady}: the server's SETTINGS
     * must have enabled extended CONNECT. random supplies the client's masking keys.
     */
    public static WebSocket connect(Http3Client client, String path, WebSocketHandler handler, RandomSource random) {
        WebSocket ws = new WebSocket(true, path, handler, random);
        H3ClientRequest[] request = new H3ClientRequest[1];
        WebSocket.Tunnel tunnel = new WebSocket.Tunnel() {
            @Override
            public int read(byte[] b, int off, int len) {
                return request[0].read(b, off, len);
            }

            @Override
            public int write(byte[] b, int off, int len) {
                return request[0].write(b, off, len);
            }

            @Override
            public void finish() {
                request[0].finish();
            }

            @Override
            public void abort(long code) {
                request[0].abort(code);
            }
        };
        request[0] = client.request(H3ClientSession.connectHeaders(PROTOCOL, client.authority(), path,
                new HeaderField("sec-websocket-version", VERSION)), new H3ResponseListener() {
                    private boolean accepted;

                    @Override
                    public void onResponse(H3ClientRequest r) {
                        if (r.status() / 100 == 2) {
                            accepted = true;
                            ws.opened(tunnel);
                        } else {
                            ws.refused("the server answered " + r.status());
                            r.abort(H3Error.REQUEST_CANCELLED);
                        }
                    }

                    @Override
                    public void onReadable(H3ClientRequest r) {
                        if (accepted) ws.onReadable();
                    }

                    @Override
                    public void onWritable(H3ClientRequest r) {
                        if (accepted) ws.onWritable();
                    }

                    @Override
                    public void onAbort(H3ClientRequest r, long errorCode) {
                        if (accepted) ws.onAborted();
                        else ws.refused("the CONNECT stream was reset with " + H3Error.name(errorCode));
                    }
                });
        if (request[0] == null) ws.refused("no request stream could be opened (GOAWAY, stream limit or closed)");
        return ws;
    }
}
