package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.websocket.WebSocketListener;
import dev.socketiwa.quic.websocket.WebSocketSession;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Compiled to wasm by {@link H3ClientWasmTest}: our HTTP/3 client session talks to our server session in memory (a
 * GET, then an extended CONNECT carrying WebSocket frames both ways), printing what the test checks.
 */
public final class H3ClientWasmMain {
    private H3ClientWasmMain() {
    }

    public static void main(String[] args) {
        MemoryLink link = new MemoryLink();
        H3ClientSession client = new H3ClientSession(link.client);
        StringBuilder serverSaw = new StringBuilder();
        H3ServerSession server = new H3ServerSession(link.server, H3ServerSession.defaultSettings(), x -> {
            if ("websocket".equals(x.protocol())) {
                x.respond(200, List.of());
                WebSocketSession ws = WebSocketSession.server(1024, new WebSocketListener() {
                    public void onText(String m) {
                        serverSaw.append("text:").append(m);
                    }

                    public void onBinary(byte[] m) {
                    }

                    public void onClose(int code, String reason) {
                    }
                });
                x.setListener(new H3ExchangeListener() {
                    @Override
                    public void onReadable(H3Exchange e) {
                        byte[] b = new byte[256];
                        int n;
                        while ((n = e.read(b, 0, b.length)) > 0) ws.receive(b, 0, n);
                        ws.sendText(serverSaw.toString());
                        e.write(ws.output(), ws.outputOffset(), ws.pendingOutput());
                        ws.consume(ws.pendingOutput());
                    }
                });
                return;
            }
            byte[] body = ("wasm client asked for " + x.path()).getBytes(StandardCharsets.UTF_8);
            x.respond(200, List.of(new HeaderField("content-type", "text/plain")));
            x.write(body, 0, body.length);
            x.finish();
        });
        link.client.attach(MemoryLink.of(client));
        link.server.attach(MemoryLink.of(server));
        link.pump();

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buf = new byte[64];
        H3ClientRequest get = client.request(H3ClientSession.requestHeaders("GET", "localhost", "/page"),
                new H3ResponseListener() {
                    @Override
                    public void onReadable(H3ClientRequest r) {
                        int n;
                        while ((n = r.read(buf, 0, buf.length)) > 0) body.write(buf, 0, n);
                    }
                });
        get.finish();
        link.pump();
        System.out.println("GET status=" + get.status() + " body=" + body.toString(StandardCharsets.UTF_8)
                + " ended=" + get.isResponseEnded());

        String[] got = new String[1];
        WebSocketSession ws = WebSocketSession.client(1024, new WebSocketListener() {
            public void onText(String m) {
                got[0] = m;
            }

            public void onBinary(byte[] m) {
            }

            public void onClose(int code, String reason) {
            }
        }, (b, off, len) -> {
            for (int i = 0; i < len; i++) b[off + i] = (byte) (31 * i + 7);
        });
        H3ClientRequest tunnel = client.request(H3ClientSession.connectHeaders("websocket", "localhost", "/ws"),
                new H3ResponseListener() {
                    @Override
                    public void onReadable(H3ClientRequest r) {
                        int n;
                        while ((n = r.read(buf, 0, buf.length)) > 0) ws.receive(buf, 0, n);
                    }
                });
        link.pump();
        ws.sendText("héllo");
        tunnel.write(ws.output(), ws.outputOffset(), ws.pendingOutput());
        ws.consume(ws.pendingOutput());
        link.pump();
        System.out.println("WS status=" + tunnel.status() + " echo=" + got[0]);
    }
}
