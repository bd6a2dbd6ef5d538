package dev.socketiwa.quic.wasm;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.EncryptionLevel;
import dev.socketiwa.quic.crypto.InitialKeys;
import dev.socketiwa.quic.crypto.NamedGroup;
import dev.socketiwa.quic.crypto.PacketProtection;
import dev.socketiwa.quic.crypto.RetryIntegrity;
import dev.socketiwa.quic.crypto.portable.PortableCryptoProvider;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsAlertException;
import dev.socketiwa.quic.tls.TlsClient;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.tls.TlsEngine;
import dev.socketiwa.quic.tls.TlsListener;
import dev.socketiwa.quic.tls.TlsServer;
import dev.socketiwa.quic.tls.TlsServerConfig;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Entry point compiled to WebAssembly GC by TeaVmCompileTest and run under Node 24: exercises the portable provider
 * (RFC 9001 known answers) and complete in-memory TLS handshakes, then prints one verdict line. Plain Java, no JUnit.
 */
public final class WasmSelfTest {
    /** A fixed self-signed ECDSA P-256 certificate and its PKCS#8 key (test data; generated once with the JDK). */
    public static final String CERT = ""
            + "3082011f3081c5a003020102020101300a06082a8648ce3d04030230183116301406035504030c0d7761736d2d73656c6674"
            + "6573743020170d3233313131343232313332305a180f32313030303130313030303030305a30183116301406035504030c0d"
            + "7761736d2d73656c66746573743059301306072a8648ce3d020106082a8648ce3d03010703420004f2dd6bb28537913cad32"
            + "bfe9c1cf23810435a8f6d19f9ffa7e6fc52f9091e2bb32b629a995cf95b113745bcbd8705949addd1eb4333019a1ea3ec4a0"
            + "6f6788ac300a06082a8648ce3d0403020349003046022100d5e64e1db57d1d743dfdf3ee0097e886bbe4b32263911daf5a55"
            + "d56f69fd5366022100d86a2c6ada247edb7eea85835fecd95fcf223e37f837dbed74dc69a66987c14b";
    public static final String KEY = ""
            + "3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420e62141e7c0fbffc415e2b700c98565"
            + "ef14fc7763b9e6ccbbf3db33289155ef44";

    private WasmSelfTest() {
    }

    public static void main(String[] args) {
        try {
            run();
            System.out.println("WASM-SELFTEST OK");
            if (args.length > 0 && args[0].equals("bench")) {
                bench();
            }
        } catch (Throwable t) {
            System.out.println("WASM-SELFTEST FAIL " + t);
        }
    }

    static void run() throws Exception {
        CryptoProvider p = new PortableCryptoProvider();
        // RFC 9001 A.5: ChaCha20-Poly1305 short header packet.
        PacketProtection cc = p.packetProtection(CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                hex("9ac312a7f877468ebe69422748ad00a15443f18203a07d6060f688f30f21632b"));
        byte[] pkt = new byte[21];
        System.arraycopy(hex("4200bff4"), 0, pkt, 0, 4);
        pkt[4] = 1;
        cc.seal(654360564L, pkt, 0, 4, pkt, 4, 1, pkt, 4);
        check("655e5cd55c41f69080575d7999c25a5bfb", hexOf(pkt, 4, 17), "A.5 ciphertext");
        byte[] mask = new byte[5];
        cc.headerProtectionMask(pkt, 5, mask);
        check("aefefe7d03", hexOf(mask, 0, 5), "A.5 mask");
        // RFC 9001 A.3 header protection mask and A.4 Retry tag.
        byte[] dcid = hex("8394c8f03e515708");
        InitialKeys ik = p.initialKeys(dcid, 0, dcid.length);
        ik.server().headerProtectionMask(hex("2cd0991cd25b0aac406a5816b6394100"), 0, mask);
        check("2ec0d8356a", hexOf(mask, 0, 5), "A.3 mask");
        byte[] retry = hex("ff000000010008f067a5502a4262b5746f6b656e");
        check("04a265ba2eff4d829058fb3f0f2496ba", hexOf(RetryIntegrity.tag(p, dcid, retry), 0, 16), "A.4 tag");

        for (CipherSuite s : CipherSuite.values()) {
            handshake(p, s, NamedGroup.X25519, NamedGroup.X25519);
        }
        handshake(p, CipherSuite.TLS_CHACHA20_POLY1305_SHA256, NamedGroup.X25519, NamedGroup.SECP256R1);
    }

    /** Hand-run figures (wall clock, so only meaningful on a quiet machine): run.cjs passes "bench". */
    static void bench() throws Exception {
        CryptoProvider p = new PortableCryptoProvider();
        for (CipherSuite s : CipherSuite.values()) {
            PacketProtection tx = p.packetProtection(s, new byte[s.hashLength()]);
            PacketProtection rx = p.packetProtection(s, new byte[s.hashLength()]);
            byte[] aad = new byte[20];
            int payload = 1200 - 20 - 16;
            byte[] buf = new byte[1200];
            long pn = 0;
            long t0 = System.nanoTime();
            int n = 0;
            while (System.nanoTime() - t0 < 1_000_000_000L) {
                tx.seal(pn++, aad, 0, 20, buf, 0, payload, buf, 0);
                n++;
            }
            double seal = n * 1200.0 / ((System.nanoTime() - t0) / 1e9) / 1e6;
            byte[] sealed = new byte[1200];
            tx.seal(pn, aad, 0, 20, sealed, 0, payload, sealed, 0);
            t0 = System.nanoTime();
            n = 0;
            while (System.nanoTime() - t0 < 1_000_000_000L) {
                if (rx.open(pn, aad, 0, 20, sealed, 0, payload + 16, buf, 0) != payload) {
                    throw new IllegalStateException("open failed");
                }
                n++;
            }
            double open = n * 1200.0 / ((System.nanoTime() - t0) / 1e9) / 1e6;
            System.out.println("wasm portable " + s + " seal " + (int) seal + " MB/s, open " + (int) open + " MB/s");
        }
        long t0 = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - t0 < 2_000_000_000L) {
            handshake(p, CipherSuite.TLS_CHACHA20_POLY1305_SHA256, NamedGroup.X25519, NamedGroup.X25519);
            n++;
        }
        System.out.println("wasm in-memory handshakes: " + (int) (n / ((System.nanoTime() - t0) / 1e9)) + "/s");
    }

    static void handshake(CryptoProvider p, CipherSuite suite, NamedGroup clientShare, NamedGroup serverGroup) throws Exception {
        byte[] cert = hex(CERT);
        Side c = new Side();
        Side s = new Side();
        TlsClient client = new TlsClient(new TlsClientConfig("localhost", List.of("echo"), CertificateTrust.pinned(cert))
                .cipherSuites(suite).keyShareGroups(clientShare), p, new byte[] {1}, c);
        TlsServer server = new TlsServer(new TlsServerConfig(List.of(cert), p.signer(hex(KEY))).alpn("echo").groups(serverGroup),
                p, new byte[] {2}, s);
        client.start();
        for (int i = 0; i < 20 && !(c.out.isEmpty() && s.out.isEmpty()); i++) {
            c.deliverTo(server);
            s.deliverTo(client);
        }
        if (!client.isHandshakeComplete() || !server.isHandshakeComplete() || !"echo".equals(server.negotiatedAlpn())) {
            throw new IllegalStateException("handshake did not complete for " + suite + " " + serverGroup);
        }
        byte[] aad = {1, 2};
        byte[] buf = new byte[40];
        buf[0] = 9;
        int n = c.write.seal(3, aad, 0, 2, buf, 0, 8, buf, 0);
        if (s.read.open(3, aad, 0, 2, buf, 0, n, buf, 0) != 8 || buf[0] != 9) {
            throw new IllegalStateException("1-RTT keys differ for " + suite);
        }
    }

    static final class Side implements TlsListener {
        final ArrayDeque<Object[]> out = new ArrayDeque<>();
        PacketProtection read;
        PacketProtection write;

        @Override
        public void sendCrypto(EncryptionLevel level, byte[] data, int off, int len) {
            byte[] copy = new byte[len];
            System.arraycopy(data, off, copy, 0, len);
            out.add(new Object[] {level, copy});
        }

        @Override
        public void installKeys(EncryptionLevel level, PacketProtection r, PacketProtection w) {
            if (level == EncryptionLevel.APPLICATION) {
                read = r != null ? r : read;
                write = w != null ? w : write;
            }
        }

        @Override
        public void handshakeComplete() {
        }

        void deliverTo(TlsEngine peer) throws TlsAlertException {
            Object[] m;
            while ((m = out.poll()) != null) {
                byte[] d = (byte[]) m[1];
                peer.receive((EncryptionLevel) m[0], d, 0, d.length);
            }
        }
    }

    static void check(String expected, String actual, String what) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(what + ": expected " + expected + " got " + actual);
        }
    }

    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ((Character.digit(s.charAt(2 * i), 16) << 4) | Character.digit(s.charAt(2 * i + 1), 16));
        }
        return b;
    }

    static String hexOf(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = off; i < off + len; i++) {
            sb.append(Character.forDigit((b[i] >> 4) & 15, 16)).append(Character.forDigit(b[i] & 15, 16));
        }
        return sb.toString();
    }
}
