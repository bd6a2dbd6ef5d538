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

/** The 5-byte header-protection mask from a 16-byte sample (AES-ECB or ChaCha20), paid per packet on both sides. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HeaderProtectionBenchmark {
    @Param({"jca", "portable"})
    public String provider;

    @Param({"TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256"})
    public String suite;

    private PacketProtection pp;
    private final byte[] sample = new byte[64];
    private final byte[] mask = new byte[5];

    @Setup
    public void setUp() {
        CipherSuite s = CipherSuite.valueOf(suite);
        pp = Providers.byName(provider).packetProtection(s, Providers.secret(s.hashLength()));
        for (int i = 0; i < sample.length; i++) {
            sample[i] = (byte) (31 * i);
        }
    }

    @Benchmark
    public byte[] mask() {
        // the sample changes with every packet: feed back the last mask so the JIT cannot hoist the call
        sample[20] ^= mask[1];
        pp.headerProtectionMask(sample, 20, mask);
        return mask;
    }
}
