package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.testing.SimNetwork;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/** Sends payloads on several bidi streams and collects the echoes. */
final class EchoClient implements SimNetwork.App {
    private final Connection conn;
    final byte[][] payloads;
    final long[] ids;
    final int[] written;
    final ByteArrayOutputStream[] received;
    final boolean[] done;
    private final byte[] buf = new byte[65536];

    EchoClient(Connection conn, int streams, int size, long seed) {
        this.conn = conn;
        payloads = new byte[streams][size];
        Random r = new Random(seed);
        for (byte[] p : payloads) r.nextBytes(p);
        ids = new long[streams];
        java.util.Arrays.fill(ids, -1);
        written = new int[streams];
        received = new ByteArrayOutputStream[streams];
        for (int i = 0; i < streams; i++) received[i] = new ByteArrayOutputStream();
        done = new boolean[streams];
    }

    @Override
    public void step(long now) {
        if (!conn.isHandshakeComplete()) return;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                ids[i] = conn.openStream(true);
                if (ids[i] < 0) continue;
            }
            if (written[i] < payloads[i].length) {
                int w = conn.write(ids[i], payloads[i], written[i], payloads[i].length - written[i]);
                if (w > 0) written[i] += w;
                if (written[i] == payloads[i].length) conn.finish(ids[i]);
            }
            if (!done[i]) {
                int n;
                while ((n = conn.read(ids[i], buf, 0, buf.length)) != 0) {
                    if (n < 0) {
                        done[i] = true;
                        break;
                    }
                    received[i].write(buf, 0, n);
                }
            }
        }
    }

    boolean allDone() {
        for (boolean d : done) if (!d) return false;
        return true;
    }
}
