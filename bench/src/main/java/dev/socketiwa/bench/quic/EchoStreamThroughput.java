package dev.socketiwa.bench.quic;

import dev.socketiwa.quic.transport.Connection;
import java.net.InetSocketAddress;
import java.util.zip.CRC32C;

/**
 * Single-connection echo-stream throughput: one bidirectional stream on ALPN {@code echo}, {@code bytes} written and
 * the same bytes read back (checked by CRC32C and count); the figure is payload bytes one way per second, from the
 * first write to the end of the echoed stream, the handshake excluded. Client: our QuicClient (JCA).
 */
public final class EchoStreamThroughput {
    public static final String KIND = "echo-stream";

    private EchoStreamThroughput() {
    }

    public static Measurement run(InetSocketAddress target, long bytes, long timeoutMillis) {
        QuicBenchLimits.check("echo bytes", bytes, 1, QuicBenchLimits.MAX_BYTES);
        QuicBenchLimits.check("timeout ms", timeoutMillis, 100, QuicBenchLimits.MAX_SECONDS * 1000);
        try (ClientConnections client = new ClientConnections(target, "echo")) {
            Connection c = client.handshake(10_000);
            if (c == null) {
                return Measurement.failed(KIND, "no handshake with " + target + " on ALPN echo within 10 s");
            }
            long stream = c.openStream(true);
            if (stream < 0) {
                return Measurement.failed(KIND, "the server allowed no bidirectional stream");
            }
            Pump pump = new Pump(c, stream, bytes);
            long start = System.nanoTime();
            boolean done = client.runUntil(c, pump::step, timeoutMillis, e -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            client.closeQuickly(c);
            if (!done) {
                return Measurement.failed(KIND, String.format("timed out after %d ms with %d of %d bytes back",
                        timeoutMillis, pump.read, bytes));
            }
            if (pump.read != bytes || pump.sentCrc.getValue() != pump.readCrc.getValue()) {
                return Measurement.failed(KIND, "the echo differs: " + pump.read + " of " + bytes + " bytes, CRC "
                        + (pump.sentCrc.getValue() == pump.readCrc.getValue() ? "equal" : "differs"));
            }
            return new Measurement(KIND, bytes * 8 / seconds / 1e6, "Mbit/s", 1, 0, seconds,
                    String.format("one stream, %,d bytes echoed (payload one way), our QuicClient (JCA)", bytes));
        } catch (RuntimeException e) {
            return Measurement.failed(KIND, e.toString());
        }
    }

    /** Writes what flow control takes, reads what arrived; done once the echoed stream has ended. */
    private static final class Pump {
        final Connection c;
        final long stream;
        final long total;
        final byte[] out = new byte[16 * 1024];
        final byte[] in = new byte[64 * 1024];
        final CRC32C sentCrc = new CRC32C();
        final CRC32C readCrc = new CRC32C();
        long written;
        long read;
        int pending; // bytes of out not yet accepted
        int pendingOff;
        boolean finished;
        boolean ended;

        Pump(Connection c, long stream, long total) {
            this.c = c;
            this.stream = stream;
            this.total = total;
        }

        boolean step() {
            while (written < total) {
                if (pending == 0) {
                    int n = (int) Math.min(out.length, total - written);
                    for (int i = 0; i < n; i++) {
                        out[i] = (byte) ((written + i) * 31 + 7);
                    }
                    sentCrc.update(out, 0, n);
                    pending = n;
                    pendingOff = 0;
                }
                int w = c.write(stream, out, pendingOff, pending);
                if (w <= 0) {
                    break;
                }
                pending -= w;
                pendingOff += w;
                written += w;
            }
            if (written == total && !finished) {
                c.finish(stream);
                finished = true;
            }
            int r;
            while ((r = c.read(stream, in, 0, in.length)) > 0) {
                readCrc.update(in, 0, r);
                read += r;
            }
            if (r < 0) {
                ended = true;
            }
            return ended || c.isClosed();
        }
    }
}
