package dev.socketiwa.bench.jmh.wasm;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.PacketProtection;
import dev.socketiwa.quic.crypto.portable.PortableCryptoProvider;

/**
 * The same measuring loop for both homes (it compiles with TeaVM, so: no threads, no JMH, no formatting of doubles):
 * seal and open of 1200-byte packets with the portable provider, for each suite the browser build may pick, timed by
 * wall clock. Prints one line per measurement, {@code crypto SUITE seal|open BYTES NANOS}, which
 * {@link CryptoLoopOutput} reads on the JVM side.
 */
public final class PortableCryptoLoop {
    static final int PACKET = 1200;
    static final int HEADER = 20;
    static final int TAG = 16;
    static final int PAYLOAD = PACKET - HEADER - TAG;
    static final CipherSuite[] SUITES = {CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_CHACHA20_POLY1305_SHA256};

    private PortableCryptoLoop() {
    }

    /** Runs each suite and operation for about {@code millis} after a warm-up of a third of that; prints the lines. */
    public static void run(long millis) {
        PortableCryptoProvider provider = new PortableCryptoProvider();
        for (CipherSuite suite : SUITES) {
            byte[] secret = new byte[suite.hashLength()];
            for (int i = 0; i < secret.length; i++) {
                secret[i] = (byte) (0x5a ^ i);
            }
            PacketProtection tx = provider.packetProtection(suite, secret);
            PacketProtection rx = provider.packetProtection(suite, secret);
            byte[] packet = new byte[PACKET];
            byte[] out = new byte[PACKET];
            seal(tx, packet, millis / 3, 0);
            long[] sealed = seal(tx, packet, millis, 1_000_000);
            print(suite, "seal", sealed);
            // a sealed packet to open again and again (open writes elsewhere, the input stays valid)
            long pn = 42;
            tx.seal(pn, packet, 0, HEADER, packet, HEADER, PAYLOAD, packet, HEADER);
            open(rx, packet, out, pn, millis / 3);
            print(suite, "open", open(rx, packet, out, pn, millis));
        }
    }

    private static long[] seal(PacketProtection tx, byte[] packet, long millis, long firstPn) {
        long pn = firstPn;
        long n = 0;
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                tx.seal(pn++, packet, 0, HEADER, packet, HEADER, PAYLOAD, packet, HEADER);
            }
            n += 64;
            now = System.nanoTime();
        } while (now < end);
        return new long[] {n * PACKET, now - start};
    }

    private static long[] open(PacketProtection rx, byte[] packet, byte[] out, long pn, long millis) {
        long n = 0;
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                if (rx.open(pn, packet, 0, HEADER, packet, HEADER, PAYLOAD + TAG, out, 0) != PAYLOAD) {
                    throw new IllegalStateException("open failed: the loop measures nothing");
                }
            }
            n += 64;
            now = System.nanoTime();
        } while (now < end);
        return new long[] {n * PACKET, now - start};
    }

    private static void print(CipherSuite suite, String op, long[] bytesAndNanos) {
        System.out.println("crypto " + suite.name() + " " + op + " " + bytesAndNanos[0] + " " + bytesAndNanos[1]);
    }
}
