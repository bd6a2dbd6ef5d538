package dev.socketiwa.quic.packet;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.InitialKeys;
import dev.socketiwa.quic.crypto.PacketProtection;
import dev.socketiwa.quic.testing.TestCrypto;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.Providers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packets of RFC 9001 Appendix A, parsed and rebuilt by our header and protection code, with both crypto providers
 * and with the independent test implementation.
 */
class Rfc9001PacketsTest {
    interface Keys {
        InitialKeys initial(byte[] cid, int off, int len);

        PacketProtection protection(CipherSuite suite, byte[] secret);
    }

    static java.util.stream.Stream<Keys> keys() {
        java.util.stream.Stream<Keys> real = Providers.both().map(p -> new Keys() {
            public InitialKeys initial(byte[] cid, int off, int len) { return p.initialKeys(cid, off, len); }
            public PacketProtection protection(CipherSuite suite, byte[] secret) { return p.packetProtection(suite, secret); }
            public String toString() { return p.getClass().getSimpleName(); }
        });
        Keys test = new Keys() {
            public InitialKeys initial(byte[] cid, int off, int len) { return TestCrypto.initialKeys(cid, off, len); }
            public PacketProtection protection(CipherSuite suite, byte[] secret) { return TestCrypto.protection(suite, secret); }
            public String toString() { return "TestCrypto"; }
        };
        return java.util.stream.Stream.concat(real, java.util.stream.Stream.of(test));
    }

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CLIENT_DCID = HEX.parseHex("8394c8f03e515708");
    private static final String SERVER_INITIAL = "cf000000010008f067a5502a4262b5004075c0d95a482cd0991cd25b0aac406a"
            + "5816b6394100f37a1c69797554780bb38cc5a99f5ede4cf73c3ec2493a1839b3"
            + "dbcba3f6ea46c5b7684df3548e7ddeb9c3bf9c73cc3f3bded74b562bfb19fb84"
            + "022f8ef4cdd93795d77d06edbb7aaf2f58891850abbdca3d20398c276456cbc4"
            + "2158407dd074ee";
    private static final String SERVER_PLAIN = "02000000000600405a020000560303eefce7f7b37ba1d1632e96677825ddf739"
            + "88cfc79825df566dc5430b9a045a1200130100002e00330024001d00209d3c94"
            + "0d89690b84d08a60993c144eca684d1081287c834d5311bcf32bb9da1a002b00"
            + "020304";

    @ParameterizedTest
    @MethodSource("keys")
    void serverInitialParsesAndDecrypts(Keys k) {
        byte[] pkt = HEX.parseHex(SERVER_INITIAL);
        InitialKeys keys = k.initial(CLIENT_DCID, 0, 8);
        Header h = new Header();
        assertTrue(h.parse(pkt, 0, pkt.length, 8));
        assertEquals(PacketType.INITIAL, h.type);
        assertEquals(0, h.dcidLen);
        assertEquals("f067a5502a4262b5", HEX.formatHex(pkt, h.scidOff, h.scidOff + h.scidLen));
        assertEquals(pkt.length, h.packetEnd);
        PacketProtector p = new PacketProtector();
        assertTrue(p.removeHeaderProtection(pkt, h, keys.server()));
        assertEquals(2, p.pnLength());
        long pn = p.decodePacketNumber(-1);
        assertEquals(1, pn);
        byte[] out = new byte[200];
        int n = p.openPayload(pkt, h, keys.server(), pn, out, 0);
        assertEquals(SERVER_PLAIN, HEX.formatHex(out, 0, n));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void serverInitialSealsToTheRfcBytes(Keys k) {
        byte[] hdr = HEX.parseHex("c1000000010008f067a5502a4262b50040750001");
        byte[] plain = HEX.parseHex(SERVER_PLAIN);
        byte[] buf = new byte[300];
        System.arraycopy(hdr, 0, buf, 0, hdr.length);
        System.arraycopy(plain, 0, buf, hdr.length, plain.length);
        InitialKeys keys = k.initial(CLIENT_DCID, 0, 8);
        int end = new PacketProtector().seal(buf, 0, hdr.length - 2, 2, plain.length, 1, keys.server(), true);
        assertEquals(SERVER_INITIAL, HEX.formatHex(buf, 0, end));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void chacha20ShortHeaderPacket(Keys k) {
        byte[] secret = HEX.parseHex("9ac312a7f877468ebe69422748ad00a15443f18203a07d6060f688f30f21632b");
        PacketProtection pp = k.protection(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, secret);
        byte[] pkt = HEX.parseHex("4cfe4189655e5cd55c41f69080575d7999c25a5bfb");
        Header h = new Header();
        assertTrue(h.parse(pkt, 0, pkt.length, 0));
        assertEquals(PacketType.ONE_RTT, h.type);
        PacketProtector p = new PacketProtector();
        assertTrue(p.removeHeaderProtection(pkt, h, pp));
        long pn = p.decodePacketNumber(654360564L - 1);
        assertEquals(654360564L, pn);
        byte[] out = new byte[16];
        assertEquals(1, p.openPayload(pkt, h, pp, pn, out, 0));
        assertEquals(1, out[0]); // PING
    }

    @Test
    void packetNumberExamplesFromAppendixA() {
        assertEquals(0xa82f9b32L, PacketNumber.decode(0xa82f30eaL, 0x9b32, 16));
        assertEquals(2, PacketNumber.encodedLength(0xac5c02L, 0xabe8b3L));
        assertEquals(3, PacketNumber.encodedLength(0xace8feL, 0xabe8b3L));
    }

    @Test
    void varintsRoundTripAtEveryLength() throws Exception {
        long[] values = {0, 63, 64, 16383, 16384, (1L << 30) - 1, 1L << 30, VarInt.MAX, 151288809941952652L};
        byte[] buf = new byte[8];
        for (long v : values) {
            int end = VarInt.write(buf, 0, v);
            assertEquals(VarInt.length(v), end);
            assertEquals(v, new Reader().reset(buf, 0, end).varint());
        }
        // RFC 9000 A.1 example
        assertEquals(151288809941952652L, new Reader().reset(HEX.parseHex("c2197c5eff14e88c"), 0, 8).varint());
    }

    @Test
    void versionNegotiationRoundTrip() {
        byte[] out = new byte[64];
        byte[] dcid = {1, 2, 3};
        byte[] scid = {4, 5, 6, 7, 8, 9, 10, 11};
        int n = VersionNegotiation.write(out, 0, dcid, 0, 3, scid, 0, 8, 0x35, new int[]{1, 0x0a0a0a0a});
        Header h = new Header();
        assertTrue(h.parse(out, 0, n, 8));
        assertEquals(PacketType.VERSION_NEGOTIATION, h.type);
        assertArrayEquals(new int[]{1, 0x0a0a0a0a}, VersionNegotiation.versions(out, h));
        assertArrayEquals(dcid, Arrays.copyOfRange(out, h.dcidOff, h.dcidOff + h.dcidLen));
    }

    @Test
    void statelessResetIsShorterThanItsTriggerAndDetected() {
        byte[] token = new byte[16];
        Arrays.fill(token, (byte) 7);
        byte[] out = new byte[64];
        byte[] rnd = new byte[43];
        Arrays.fill(rnd, (byte) 0xa5);
        int n = StatelessReset.write(out, 0, 40, token, rnd);
        assertEquals(39, n);
        assertEquals(0x40, out[0] & 0xc0);
        assertTrue(StatelessReset.matches(out, 0, n, token));
        assertEquals(0, StatelessReset.write(out, 0, 21, token, rnd));
    }

    @Test
    void malformedHeadersAreRejectedNotThrown() {
        Header h = new Header();
        java.util.Random r = new java.util.Random(1);
        byte[] pkt = HEX.parseHex(SERVER_INITIAL);
        for (int i = 0; i < 5000; i++) {
            byte[] m = pkt.clone();
            int len = 1 + r.nextInt(m.length);
            for (int k = 0; k < 3; k++) m[r.nextInt(len)] = (byte) r.nextInt();
            if (h.parse(m, 0, len, 8)) {
                assertTrue(h.packetEnd <= len && h.pnOffset <= h.packetEnd);
            }
        }
    }
}
