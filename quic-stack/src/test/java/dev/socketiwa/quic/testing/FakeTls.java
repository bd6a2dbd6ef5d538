package dev.socketiwa.quic.testing;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.EncryptionLevel;
import dev.socketiwa.quic.crypto.PacketProtection;
import dev.socketiwa.quic.tls.TlsAlertException;
import dev.socketiwa.quic.tls.TlsEngine;
import dev.socketiwa.quic.tls.TlsListener;
import dev.socketiwa.quic.transport.TlsFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A stand-in for TLS 1.3 with the same shape on the wire for the transport: a ClientHello at Initial, a ServerHello at
 * Initial, a large server flight at Handshake (so it spans several packets), a client Finished at Handshake, and real
 * AES-GCM keys installed at the same moments as in TLS. It authenticates nothing: it exists to test the transport
 * below the handshake independently of the TLS engine.
 */
public final class FakeTls implements TlsEngine {
    private static final int CH = 1, SH = 2, EE = 3, FIN = 4;
    /** Size of the fake certificate in the server's Handshake flight. */
    public static final int SERVER_FLIGHT_FILLER = 2500;

    private final boolean server;
    private final TlsListener listener;
    private final byte[] localTp;
    private final CipherSuite suite;
    private byte[] random;
    private byte[] peerTp;
    private boolean complete;
    private final ByteArrayOutputStream[] inbox = {new ByteArrayOutputStream(), new ByteArrayOutputStream(),
            new ByteArrayOutputStream(), new ByteArrayOutputStream()};
    private int stage;

    private FakeTls(boolean server, TlsListener listener, byte[] localTp, CipherSuite suite) {
        this.server = server;
        this.listener = listener;
        this.localTp = localTp;
        this.suite = suite;
    }

    /** A factory remembering what it created, so tests can reach the keys of a connection. */
    public static final class Factory implements TlsFactory {
        private final boolean server;
        private final Random seed;
        private final CipherSuite suite;
        public final List<FakeTls> created = new ArrayList<>();

        public Factory(boolean server, long seed, CipherSuite suite) {
            this.server = server;
            this.seed = new Random(seed);
            this.suite = suite;
        }

        @Override
        public FakeTls create(TlsListener listener, byte[] localTransportParameters) {
            FakeTls t = new FakeTls(server, listener, localTransportParameters, suite);
            created.add(t);
            if (!server) {
                t.random = new byte[32];
                seed.nextBytes(t.random);
                t.send(EncryptionLevel.INITIAL, CH, concat(t.random, localTransportParameters));
            }
            return t;
        }
    }

    public static Factory client(long seed) {
        return new Factory(false, seed, CipherSuite.TLS_AES_128_GCM_SHA256);
    }

    public static Factory server() {
        return new Factory(true, 0, CipherSuite.TLS_AES_128_GCM_SHA256);
    }

    /** The 1-RTT protection a side writes with (for tests that forge packets). */
    public PacketProtection applicationWriteKeys(boolean ofServer) {
        return TestCrypto.protection(suite, secret(ofServer ? "s ap" : "c ap"));
    }

    public PacketProtection handshakeWriteKeys(boolean ofServer) {
        return TestCrypto.protection(suite, secret(ofServer ? "s hs" : "c hs"));
    }

    private byte[] secret(String label) {
        return TestCrypto.extract(random, label.getBytes(StandardCharsets.US_ASCII));
    }

    private PacketProtection keys(String label) {
        return TestCrypto.protection(suite, secret(label));
    }

    private void send(EncryptionLevel level, int type, byte[] body) {
        byte[] m = new byte[4 + body.length];
        m[0] = (byte) type;
        m[1] = (byte) (body.length >>> 16);
        m[2] = (byte) (body.length >>> 8);
        m[3] = (byte) body.length;
        System.arraycopy(body, 0, m, 4, body.length);
        listener.sendCrypto(level, m, 0, m.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Override
    public void receive(EncryptionLevel level, byte[] data, int off, int len) throws TlsAlertException {
        ByteArrayOutputStream box = inbox[level.ordinal()];
        box.write(data, off, len);
        while (true) {
            byte[] all = box.toByteArray();
            if (all.length < 4) return;
            int bodyLen = ((all[1] & 0xff) << 16) | ((all[2] & 0xff) << 8) | (all[3] & 0xff);
            if (bodyLen > 65536) throw new TlsAlertException(50, "message too long");
            if (all.length < 4 + bodyLen) return;
            byte[] body = Arrays.copyOfRange(all, 4, 4 + bodyLen);
            box.reset();
            box.write(all, 4 + bodyLen, all.length - 4 - bodyLen);
            handle(level, all[0], body);
        }
    }

    private void handle(EncryptionLevel level, int type, byte[] body) throws TlsAlertException {
        if (server && stage == 0 && type == CH && level == EncryptionLevel.INITIAL && body.length >= 32) {
            random = Arrays.copyOf(body, 32);
            peerTp = Arrays.copyOfRange(body, 32, body.length);
            send(EncryptionLevel.INITIAL, SH, new byte[40]);
            listener.installKeys(EncryptionLevel.HANDSHAKE, keys("c hs"), keys("s hs"));
            byte[] filler = new byte[SERVER_FLIGHT_FILLER];
            Arrays.fill(filler, (byte) 'c');
            byte[] tpLen = {(byte) (localTp.length >>> 8), (byte) localTp.length};
            send(EncryptionLevel.HANDSHAKE, EE, concat(concat(tpLen, localTp), filler));
            listener.installKeys(EncryptionLevel.APPLICATION, keys("c ap"), keys("s ap"));
            stage = 1;
        } else if (!server && stage == 0 && type == SH && level == EncryptionLevel.INITIAL) {
            listener.installKeys(EncryptionLevel.HANDSHAKE, keys("s hs"), keys("c hs"));
            stage = 1;
        } else if (!server && stage == 1 && type == EE && level == EncryptionLevel.HANDSHAKE && body.length >= 2) {
            int tpLen = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
            if (tpLen > body.length - 2) throw new TlsAlertException(50, "bad EE");
            peerTp = Arrays.copyOfRange(body, 2, 2 + tpLen);
            listener.installKeys(EncryptionLevel.APPLICATION, keys("s ap"), keys("c ap"));
            send(EncryptionLevel.HANDSHAKE, FIN, new byte[32]);
            complete = true;
            stage = 2;
            listener.handshakeComplete();
        } else if (server && stage == 1 && type == FIN && level == EncryptionLevel.HANDSHAKE) {
            complete = true;
            stage = 2;
            listener.handshakeComplete();
        } else {
            throw new TlsAlertException(10, "unexpected message " + type + " at " + level);
        }
    }

    @Override
    public boolean isHandshakeComplete() { return complete; }

    @Override
    public String negotiatedAlpn() { return complete ? "echo" : null; }

    @Override
    public byte[] peerTransportParameters() { return peerTp; }
}
