package dev.socketiwa.quic.testing;

import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import dev.socketiwa.quic.transport.Endpoint;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The echo ALPN's behaviour for tests: every bidi stream sends back what it receives, datagrams are echoed. */
public final class EchoServerApp implements SimNetwork.App {
    private final Endpoint endpoint;
    public final List<Connection> connections = new ArrayList<>();
    public final List<ConnectionEvent> closeEvents = new ArrayList<>();
    private final Map<Connection, Map<Long, ByteArrayOutputStream>> pending = new HashMap<>();
    private final Map<Connection, Map<Long, Boolean>> ended = new HashMap<>();
    private final byte[] buf = new byte[65536];

    public EchoServerApp(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void step(long now) {
        Connection c;
        while ((c = endpoint.accept()) != null) {
            connections.add(c);
            pending.put(c, new HashMap<>());
            ended.put(c, new HashMap<>());
        }
        for (Connection conn : connections) {
            ConnectionEvent e;
            while ((e = conn.pollEvent()) != null) {
                switch (e.kind) {
                    case STREAM_OPENED:
                        pending.get(conn).put(e.streamId, new ByteArrayOutputStream());
                        break;
                    case DATAGRAM:
                        conn.sendDatagram(e.data, 0, e.data.length);
                        break;
                    case CLOSED:
                        closeEvents.add(e);
                        break;
                    default:
                        break;
                }
            }
            for (Map.Entry<Long, ByteArrayOutputStream> s : pending.get(conn).entrySet()) {
                long id = s.getKey();
                ByteArrayOutputStream out = s.getValue();
                if (!ended.get(conn).containsKey(id)) {
                    int n;
                    while (out.size() < (1 << 20) && (n = conn.read(id, buf, 0, buf.length)) != 0) {
                        if (n < 0) {
                            ended.get(conn).put(id, false);
                            break;
                        }
                        out.write(buf, 0, n);
                    }
                }
                if ((id & 2) != 0) continue; // unidirectional: nothing to echo on
                if (out.size() > 0) {
                    byte[] all = out.toByteArray();
                    int w = conn.write(id, all, 0, all.length);
                    if (w > 0) {
                        out.reset();
                        out.write(all, w, all.length - w);
                    }
                }
                Boolean finished = ended.get(conn).get(id);
                if (finished != null && !finished && out.size() == 0) {
                    conn.finish(id);
                    ended.get(conn).put(id, true);
                }
            }
        }
    }
}
