package dev.socketiwa.quic.bench;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.EncryptionLevel;
import dev.socketiwa.quic.crypto.PacketProtection;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.crypto.portable.PortableCryptoProvider;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsAlertException;
import dev.socketiwa.quic.tls.TlsClient;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.tls.TlsEngine;
import dev.socketiwa.quic.tls.TlsListener;
import dev.socketiwa.quic.tls.TlsServer;
import dev.socketiwa.quic.tls.TlsServerConfig;
import dev.socketiwa.quic.wasm.WasmSelfTest;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Figures are per CPU-second of the measuring thread (ThreadMXBean), so a loaded machine slows the run but does not
 * skew the result much.
 *
 * <p>First JVM figures, measured once by hand (not a test, nothing asserted): AEAD seal/open throughput for 1200-byte
 * packets per provider and suite, and in-memory handshakes per second. Run from quic-stack after test-compile:
 * {@code java -cp target/classes:target/test-classes:<bcprov> dev.socketiwa.quic.bench.CryptoThroughputMain}.
 */
public final class CryptoThroughputMain {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    static long cpu() {
        return CPU.getCurrentThreadCpuTime();
    }

    private static final int PACKET = 1200;

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        CryptoProvider[] providers = {new PortableCryptoProvider(), new JcaCryptoProvider()};
        for (CryptoProvider p : providers) {
            for (CipherSuite s : CipherSuite.values()) {
                aead(p, s, seconds);
            }
        }
        for (CryptoProvider p : providers) {
            handshakes(p, seconds * 3);
        }
    }

    static void aead(CryptoProvider p, CipherSuite s, double seconds) {
        byte[] secret = new byte[s.hashLength()];
        PacketProtection tx = p.packetProtection(s, secret);
        PacketProtection rx = p.packetProtection(s, secret);
        byte[] aad = new byte[20];
        int payload = PACKET - aad.length - 16;
        byte[] buf = new byte[PACKET];
        long pn = 0;
        for (int i = 0; i < 20_000; i++) {
            tx.seal(pn++, aad, 0, aad.length, buf, 0, payload, buf, 0);
        }
        long n = 0;
        long start = cpu();
        long end = start + (long) (seconds * 1e9);
        while (cpu() < end) {
            for (int i = 0; i < 256; i++) {
                tx.seal(pn++, aad, 0, aad.length, buf, 0, payload, buf, 0);
            }
            n += 256;
        }
        double sealMBs = n * (double) PACKET / ((cpu() - start) / 1e9) / 1e6;

        int count = 512;
        byte[][] sealed = new byte[count][PACKET];
        for (int i = 0; i < count; i++) {
            tx.seal(pn + i, aad, 0, aad.length, sealed[i], 0, payload, sealed[i], 0);
        }
        byte[] out = new byte[PACKET];
        for (int i = 0; i < 20_000; i++) {
            check(rx.open(pn + (i % count), aad, 0, aad.length, sealed[i % count], 0, payload + 16, out, 0), payload);
        }
        n = 0;
        start = cpu();
        end = start + (long) (seconds * 1e9);
        while (cpu() < end) {
            for (int i = 0; i < count; i++) {
                check(rx.open(pn + i, aad, 0, aad.length, sealed[i], 0, payload + 16, out, 0), payload);
            }
            n += count;
        }
        double openMBs = n * (double) PACKET / ((cpu() - start) / 1e9) / 1e6;
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) CPU;
        long tid = Thread.currentThread().getId();
        long a0 = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            tx.seal(pn + count + i, aad, 0, aad.length, buf, 0, payload, buf, 0);
        }
        long sealAlloc = (mx.getThreadAllocatedBytes(tid) - a0) / 10_000;
        a0 = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            rx.open(pn + (i % count), aad, 0, aad.length, sealed[i % count], 0, payload + 16, out, 0);
        }
        long openAlloc = (mx.getThreadAllocatedBytes(tid) - a0) / 10_000;
        System.out.printf("%-10s %-30s seal %7.1f MB/s  open %7.1f MB/s (per CPU-second); allocated per packet: seal %d B, open %d B%n",
                name(p), s, sealMBs, openMBs, sealAlloc, openAlloc);
    }

    static void check(int got, int want) {
        if (got != want) {
            throw new IllegalStateException("open failed");
        }
    }

    static String name(CryptoProvider p) {
        return p instanceof JcaCryptoProvider ? "jca" : "portable";
    }

    static void handshakes(CryptoProvider p, double seconds) throws TlsAlertException {
        byte[] cert = hex(certHex());
        TlsServerConfig sc = new TlsServerConfig(List.of(cert), p.signer(hex(keyHex()))).alpn("echo");
        TlsClientConfig cc = new TlsClientConfig("localhost", List.of("echo"), CertificateTrust.pinned(cert));
        for (int i = 0; i < 200; i++) {
            handshake(p, sc, cc);
        }
        long n = 0;
        long start = cpu();
        long end = start + (long) (seconds * 1e9);
        while (cpu() < end) {
            handshake(p, sc, cc);
            n++;
        }
        double perSecond = n / ((cpu() - start) / 1e9);
        System.out.printf("%-10s in-memory handshakes (X25519, ECDSA P-256, client+server on one thread): %.0f per CPU-second%n",
                name(p), perSecond);
    }

    static void handshake(CryptoProvider p, TlsServerConfig sc, TlsClientConfig cc) throws TlsAlertException {
        Queue c = new Queue();
        Queue s = new Queue();
        TlsClient client = new TlsClient(cc, p, new byte[] {1}, c);
        TlsServer server = new TlsServer(sc, p, new byte[] {2}, s);
        client.start();
        while (!(c.isEmpty() && s.isEmpty())) {
            c.deliverTo(server);
            s.deliverTo(client);
        }
        if (!server.isHandshakeComplete()) {
            throw new IllegalStateException("handshake failed");
        }
    }

    static final class Queue extends ArrayDeque<Object[]> implements TlsListener {
        @Override
        public void sendCrypto(EncryptionLevel level, byte[] data, int off, int len) {
            add(new Object[] {level, java.util.Arrays.copyOfRange(data, off, off + len)});
        }

        @Override
        public void installKeys(EncryptionLevel level, PacketProtection read, PacketProtection write) {
        }

        @Override
        public void handshakeComplete() {
        }

        void deliverTo(TlsEngine peer) throws TlsAlertException {
            Object[] m;
            while ((m = poll()) != null) {
                byte[] d = (byte[]) m[1];
                peer.receive((EncryptionLevel) m[0], d, 0, d.length);
            }
        }
    }

    private static String certHex() {
        return WasmSelfTest.CERT;
    }

    private static String keyHex() {
        return WasmSelfTest.KEY;
    }

    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
