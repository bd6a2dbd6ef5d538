package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.portable.PortableCryptoProvider;
import dev.socketiwa.quic.tls.CertificateTrust;
import dev.socketiwa.quic.tls.TlsClient;
import dev.socketiwa.quic.tls.TlsClientConfig;
import dev.socketiwa.quic.tls.TlsServer;
import dev.socketiwa.quic.tls.TlsServerConfig;

import java.util.List;
import java.util.Random;

/**
 * Entry point compiled to WebAssembly GC by {@link QuicWasmTest}: our client and server, real TLS 1.3 with the portable
 * crypto provider, over the in-memory network, a handshake and an echo on two streams. Prints what the test checks.
 */
public final class QuicWasmMain {
    // A test-only self-signed ECDSA P-256 certificate and its PKCS#8 key (made by RealTls.identity()).
    private static final String CERT = "308201143081bba003020102020101300a06082a8648ce3d04030230143112301006035504030c096c6f63616c686f7374301e170d3236313132323132303835375a170d3236313132333132303935375a30143112301006035504030c096c6f63616c686f73743059301306072a8648ce3d020106082a8648ce3d030107034200047939e623d6f6f122511b6469b173b1d71b9ab168c089ffd789eae9d524cd532b4d2998a30766765e682b0cdd3787a893d34ae0c4ae98d3c00e6636724ac38701300a06082a8648ce3d0403020348003045022008a8be3333f7bac18577c0c0b8e368af58af237fad7b7ffebfdf811a5344abfc02210097be7563c62698451cac9443bef98227392a263355092263d91113020289d415";
    private static final String KEY = "3041020100301306072a8648ce3d020106082a8648ce3d0301070427302502010104208e0ac008131ffc0d57ff94e212697c325b419b5cd9bc2d7779062b1dde56d7bf";

    private QuicWasmMain() {
    }

    public static void main(String[] args) {
        // One wasm build serves both checks: the crypto/TLS known answers first, then the engine end to end.
        dev.socketiwa.quic.wasm.WasmSelfTest.main(args);
        Random r = new Random(7);
        CryptoProvider crypto = new PortableCryptoProvider((b, off, len) -> {
            for (int i = 0; i < len; i++) b[off + i] = (byte) r.nextInt();
        });
        TlsServerConfig scfg = new TlsServerConfig(List.of(hex(CERT)), crypto.signer(hex(KEY))).alpn("echo")
                .cipherSuites(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_128_GCM_SHA256);
        TlsClientConfig ccfg = new TlsClientConfig("localhost", List.of("echo"), CertificateTrust.pinned(hex(CERT)));
        TlsFactory server = (l, tp) -> new TlsServer(scfg, crypto, tp, l);
        TlsFactory client = (l, tp) -> {
            TlsClient c = new TlsClient(ccfg, crypto, tp, l);
            c.start();
            return c;
        };
        long t0 = System.nanoTime();
        Pair p = new Pair(1, new QuicConfig(), client, server, crypto::initialKeys);
        boolean ok = p.handshake(10_000_000_000L);
        long t1 = System.nanoTime();
        System.out.println("HANDSHAKE " + ok + " alpn=" + p.conn.alpn() + " micros=" + (t1 - t0) / 1000);
        EchoClient c = new EchoClient(p.conn, 2, 100_000, 3);
        p.net.app(c);
        boolean done = p.net.runUntil(c::allDone, 60_000_000_000L);
        boolean same = done;
        for (int i = 0; i < 2 && done; i++) same &= java.util.Arrays.equals(c.payloads[i], c.received[i].toByteArray());
        System.out.println("ECHO " + same + " micros=" + (System.nanoTime() - t1) / 1000);
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        return b;
    }
}
