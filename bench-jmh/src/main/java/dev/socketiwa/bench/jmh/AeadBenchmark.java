package dev.socketiwa.bench.jmh;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.PacketProtection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * AEAD seal and open of one full 1200-byte QUIC packet (20-byte short header as associated data, 1164 bytes of
 * payload, 16-byte tag) per operation: the cost every 1-RTT packet pays once on each side. Throughput in packets per
 * second; multiply by 1200 for bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AeadBenchmark {
    static final int PACKET = 1200;
    static final int HEADER = 20;
    static final int TAG = 16;
    static final int PAYLOAD = PACKET - HEADER - TAG;

    @Param({"jca", "portable"})
    public String provider;

    @Param({"TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256"})
    public String suite;

    private PacketProtection tx;
    private PacketProtection rx;
    private final byte[] packet = new byte[PACKET];
    /** Two packets opened in turn: the JDK's ChaCha20-Poly1305 refuses a second init with the same key and nonce. */
    private final byte[][] sealed = new byte[2][PACKET];
    private final byte[] plain = new byte[PACKET];
    private long pn;
    private int turn;
    private static final long SEALED_PN = 7;

    @Setup
    public void setUp() {
        CipherSuite s = CipherSuite.valueOf(suite);
        byte[] secret = Providers.secret(s.hashLength());
        tx = Providers.byName(provider).packetProtection(s, secret);
        rx = Providers.byName(provider).packetProtection(s, secret);
        for (int k = 0; k < 2; k++) {
            byte[] p = sealed[k];
            for (int i = 0; i < PACKET; i++) {
                p[i] = (byte) i;
            }
            int n = tx.seal(SEALED_PN + k, p, 0, HEADER, p, HEADER, PAYLOAD, p, HEADER);
            if (n != PAYLOAD + TAG) {
                throw new IllegalStateException("seal wrote " + n + " bytes");
            }
        }
    }

    /** In place, as the connection does; a new packet number each time (nonces never repeat within a key). */
    @Benchmark
    public int seal() {
        return tx.seal(pn++, packet, 0, HEADER, packet, HEADER, PAYLOAD, packet, HEADER);
    }

    /** Into a separate buffer so the sealed input stays valid between calls; -1 would mean authentication failed. */
    @Benchmark
    public int open() {
        int k = turn ^= 1;
        byte[] p = sealed[k];
        return rx.open(SEALED_PN + k, p, 0, HEADER, p, HEADER, PAYLOAD + TAG, plain, 0);
    }
}
