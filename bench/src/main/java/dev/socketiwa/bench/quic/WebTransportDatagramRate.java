package dev.socketiwa.bench.quic;

import dev.socketiwa.quic.h3.ClientConnectionStreams;
import dev.socketiwa.quic.h3.H3ClientRequest;
import dev.socketiwa.quic.h3.H3ClientSession;
import dev.socketiwa.quic.h3.H3ResponseListener;
import dev.socketiwa.quic.h3.Settings;
import dev.socketiwa.quic.packet.VarInt;
import dev.socketiwa.quic.transport.Connection;
import dev.socketiwa.quic.transport.ConnectionEvent;
import java.net.InetSocketAddress;
import java.util.BitSet;
import java.util.Locale;

/**
 * WebTransport datagram echo rate: one session ({@code CONNECT /wt}, :protocol webtransport, over our HTTP/3 client
 * session on our QuicClient), then for {@code seconds} datagrams of {@code size} bytes with at most {@code window}
 * unanswered at once; each carries a sequence number so the echoes are counted exactly (duplicates and strangers
 * ignored). A window that sees no echo for 100 ms is written off as lost and refilled. The figure is echoed datagrams
 * per second.
 */
public final class WebTransportDatagramRate {
    public static final String KIND = "wt-datagrams";
    private static final long MAGIC = 0x5743_4442_454e_4348L; // "WCDBENCH"
    private static final int MAX_TRACKED = 20_000_000;

    private WebTransportDatagramRate() {
    }

    public static Measurement run(InetSocketAddress target, double seconds, int size, int window) {
        QuicBenchLimits.check("seconds", seconds, 0.1, QuicBenchLimits.MAX_SECONDS);
        QuicBenchLimits.check("datagram size", size, 24, 1200);
        QuicBenchLimits.check("window", window, 1, 4096);
        try (ClientConnections client = new ClientConnections(target, "h3")) {
            Connection c = client.connect();
            Settings settings = H3ClientSession.defaultSettings().set(Settings.H3_DATAGRAM, 1);
            H3ClientSession h3 = new H3ClientSession(new ClientConnectionStreams(c, System::nanoTime), settings);
            Echoes echoes = new Echoes();
            Dispatcher events = new Dispatcher(h3, echoes);
            if (!client.runUntil(c, () -> c.isHandshakeComplete() && h3.peerSettings() != null, 10_000, events,
                    h3::service)) {
                return Measurement.failed(KIND, "no HTTP/3 session with " + target + " within 10 s");
            }
            if (!h3.extendedConnectAllowed()) {
                return Measurement.failed(KIND, "the server's SETTINGS do not enable extended CONNECT");
            }
            H3ClientRequest connect = h3.request(H3ClientSession.connectHeaders("webtransport",
                    "localhost:" + target.getPort(), "/wt"), new H3ResponseListener() { });
            if (connect == null) {
                return Measurement.failed(KIND, "no request stream for CONNECT");
            }
            client.runUntil(c, () -> connect.status() > 0 || connect.isAborted(), 10_000, events, h3::service);
            if (connect.status() != 200) {
                return Measurement.failed(KIND, "CONNECT /wt answered " + (connect.isAborted()
                        ? "with an abort " + connect.abortCode() : "status " + connect.status()));
            }
            echoes.quarterStreamId = connect.streamId() / 4;
            if (c.maxDatagramPayload() < size + VarInt.length(echoes.quarterStreamId)) {
                return Measurement.failed(KIND, "the connection takes datagrams of at most " + c.maxDatagramPayload()
                        + " bytes");
            }
            Sender sender = new Sender(c, echoes, size, window, seconds);
            client.runUntil(c, sender::step, (long) (seconds * 1000) + 5_000, events, h3::service);
            double elapsed = (sender.lastEcho - sender.start) / 1e9;
            client.closeQuickly(c);
            if (echoes.count == 0 || elapsed <= 0) {
                return Measurement.failed(KIND, "no datagram came back (" + sender.sent + " sent)");
            }
            return new Measurement(KIND, echoes.count / elapsed, "dgram/s", echoes.count, sender.sent - echoes.count,
                    elapsed, String.format(Locale.ROOT, "one WebTransport session, %d-byte datagrams, at most %d"
                            + " unanswered, our HTTP/3 client; %d sent, %d echoed", size, window, sender.sent, echoes.count));
        } catch (RuntimeException e) {
            return Measurement.failed(KIND, e.toString());
        }
    }

    /** Counts echoes of our own datagrams on the session, each sequence number once. */
    static final class Echoes {
        long quarterStreamId = -1;
        final BitSet seen = new BitSet();
        long count;
        long lastEchoNanos;

        void onDatagram(byte[] d) {
            if (d == null || d.length < 1 || quarterStreamId < 0) {
                return;
            }
            int p = 0;
            int b0 = d[0] & 0xff;
            int vlen = 1 << (b0 >>> 6);
            if (d.length < vlen + 16) {
                return;
            }
            long q = b0 & 0x3f;
            for (int i = 1; i < vlen; i++) {
                q = (q << 8) | (d[i] & 0xff);
            }
            p += vlen;
            if (q != quarterStreamId || readLong(d, p) != MAGIC) {
                return;
            }
            long seq = readLong(d, p + 8);
            if (seq < 0 || seq >= MAX_TRACKED || seen.get((int) seq)) {
                return;
            }
            seen.set((int) seq);
            count++;
            lastEchoNanos = System.nanoTime();
        }

        private static long readLong(byte[] b, int off) {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (b[off + i] & 0xff);
            }
            return v;
        }
    }

    /** Keeps the window full until the time is up; done once the last echoes had their chance. */
    private static final class Sender {
        final Connection c;
        final Echoes echoes;
        final byte[] buf;
        final int window;
        final long start = System.nanoTime();
        final long end;
        long sent;
        /** Sent datagrams given up as lost after 100 ms without any echo. */
        long writtenOff;
        long countAtLastStep;
        long lastProgress = start;
        long lastEcho = start;

        Sender(Connection c, Echoes echoes, int size, int window, double seconds) {
            this.c = c;
            this.echoes = echoes;
            this.window = window;
            this.end = start + (long) (seconds * 1e9);
            int q = VarInt.length(echoes.quarterStreamId);
            buf = new byte[q + size];
            VarInt.write(buf, 0, echoes.quarterStreamId);
            writeLong(buf, q, MAGIC);
            for (int i = q + 16; i < buf.length; i++) {
                buf[i] = (byte) i;
            }
        }

        boolean step() {
            long now = System.nanoTime();
            if (echoes.count > countAtLastStep) {
                lastProgress = now;
                countAtLastStep = echoes.count;
                lastEcho = echoes.lastEchoNanos;
            }
            long outstanding = sent - echoes.count - writtenOff;
            if (outstanding > 0 && now - lastProgress > 100_000_000L) {
                // unreliable both ways: the window's datagrams are lost; write them off and refill
                writtenOff += outstanding;
                outstanding = 0;
                lastProgress = now;
            }
            if (now >= end) {
                // stop sending; done once nothing is outstanding or 200 ms passed without an echo
                return outstanding <= 0 || now - lastProgress > 200_000_000L;
            }
            int q = VarInt.length(echoes.quarterStreamId);
            while (outstanding < window && sent < MAX_TRACKED) {
                writeLong(buf, q + 8, sent);
                if (!c.sendDatagram(buf, 0, buf.length)) {
                    break;
                }
                sent++;
                outstanding++;
            }
            return false;
        }

        private static void writeLong(byte[] b, int off, long v) {
            for (int i = 7; i >= 0; i--) {
                b[off + i] = (byte) v;
                v >>>= 8;
            }
        }
    }

    /** Connection events to the HTTP/3 session (as runtime's Http3Client does), and DATAGRAMs to the counter. */
    private static final class Dispatcher implements java.util.function.Consumer<ConnectionEvent> {
        final H3ClientSession h3;
        final Echoes echoes;

        Dispatcher(H3ClientSession h3, Echoes echoes) {
            this.h3 = h3;
            this.echoes = echoes;
        }

        @Override
        public void accept(ConnectionEvent e) {
            switch (e.kind) {
                case STREAM_OPENED: h3.onStreamOpened(e.streamId); break;
                case STREAM_READABLE: h3.onReadable(e.streamId); break;
                case STREAM_WRITABLE: h3.onWritable(e.streamId); break;
                case STREAM_RESET: h3.onStreamReset(e.streamId, e.errorCode); break;
                case STOP_SENDING: h3.onStopSending(e.streamId, e.errorCode); break;
                case CLOSED: h3.onConnectionClosed(e.errorCode); break;
                case DATAGRAM: echoes.onDatagram(e.data); break;
                default: break;
            }
        }
    }
}
