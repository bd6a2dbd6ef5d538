package dev.socketiwa.bench.jmh;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.PacketProtection;
import dev.socketiwa.quic.transport.QuicException;
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
 * Building and parsing a 1200-byte 1-RTT packet with one STREAM frame ({@link ShortPackets}): in cleartext (the codec
 * alone) and protected (codec + AEAD + header protection, what each packet really costs the engine before the
 * stream layer).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PacketCodecBenchmark {
    @Param({"jca", "portable"})
    public String provider;

    @Param({"TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256"})
    public String suite;

    private final ShortPackets packets = new ShortPackets();
    private final byte[] out = new byte[ShortPackets.DATAGRAM];
    private final byte[] plain = new byte[ShortPackets.DATAGRAM];
    /** Two packets parsed in turn: the JDK's ChaCha20-Poly1305 refuses a second init with the same key and nonce. */
    private final byte[][] sealed = new byte[2][ShortPackets.DATAGRAM];
    private int turn;
    private final byte[] work = new byte[ShortPackets.DATAGRAM];
    private final byte[] opened = new byte[ShortPackets.DATAGRAM];
    private int plainLength;
    private int sealedLength;
    private PacketProtection tx;
    private PacketProtection rx;
    private long pn = 1;
    private long offset;

    @Setup
    public void setUp() {
        CipherSuite s = CipherSuite.valueOf(suite);
        byte[] secret = Providers.secret(s.hashLength());
        tx = Providers.byName(provider).packetProtection(s, secret);
        rx = Providers.byName(provider).packetProtection(s, secret);
        plainLength = ShortPackets.PN_OFFSET + ShortPackets.PN_LENGTH + packets.writePlain(plain, 3, 0, false);
        sealedLength = packets.writeSealed(sealed[0], 3, 0, tx);
        packets.writeSealed(sealed[1], 4, 0, tx);
    }

    @Benchmark
    public int buildPlain() {
        offset += 1100;
        return packets.writePlain(out, pn++, offset, false);
    }

    @Benchmark
    public long parsePlain() throws QuicException {
        return packets.readPlain(plain, plainLength);
    }

    @Benchmark
    public int buildSealed() {
        offset += 1100;
        return packets.writeSealed(out, pn++, offset, tx);
    }

    /** Includes copying the datagram (header protection is removed in place), as a receive into a buffer would. */
    @Benchmark
    public long parseSealed() throws QuicException {
        System.arraycopy(sealed[turn ^= 1], 0, work, 0, sealedLength);
        return packets.readSealed(work, sealedLength, rx, 2, opened);
    }
}
