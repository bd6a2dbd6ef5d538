package dev.socketiwa.quic.crypto;

import static dev.socketiwa.quic.crypto.Hex.decode;
import static dev.socketiwa.quic.crypto.Hex.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 9001 Appendix A known answers, run against both providers. */
class Rfc9001AppendixATest {

    static java.util.stream.Stream<CryptoProvider> providers() {
        return Providers.both();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void a1InitialKeys(CryptoProvider p) {
        byte[] dcid = decode(Rfc9001Vectors.DCID);
        byte[] initial = InitialSecrets.initialSecret(p, dcid, 0, dcid.length);
        assertEquals("7db5df06e7a69e432496adedb00851923595221596ae2ae9fb8115c1e9ed0a44", encode(initial));
        byte[] client = InitialSecrets.clientSecret(p, initial);
        assertEquals("c00cf151ca5be075ed0ebfb5c80323c42d6b7db67881289af4008f1f6c357aea", encode(client));
        assertEquals("1f369613dd76d5467730efcbe3b1a22d", encode(Hkdf.expandLabel(p, 32, client, "quic key", null, 16)));
        assertEquals("fa044b2f42a3fd3b46fb255c", encode(Hkdf.expandLabel(p, 32, client, "quic iv", null, 12)));
        assertEquals("9f50449e04a0e810283a1e9933adedd2", encode(Hkdf.expandLabel(p, 32, client, "quic hp", null, 16)));
        byte[] server = InitialSecrets.serverSecret(p, initial);
        assertEquals("3c199828fd139efd216c155ad844cc81fb82fa8d7446fa7d78be803acdda951b", encode(server));
        assertEquals("cf3a5331653c364c88f0f379b6067e37", encode(Hkdf.expandLabel(p, 32, server, "quic key", null, 16)));
        assertEquals("0ac1493ca1905853b0bba03e", encode(Hkdf.expandLabel(p, 32, server, "quic iv", null, 12)));
        assertEquals("c206b8d9b9f0f37644430b490eeaa314", encode(Hkdf.expandLabel(p, 32, server, "quic hp", null, 16)));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void a2ClientInitial(CryptoProvider p) {
        byte[] frames = new byte[1162];
        byte[] crypto = decode(Rfc9001Vectors.A2_CRYPTO_FRAME);
        System.arraycopy(crypto, 0, frames, 0, crypto.length);
        byte[] dcid = decode(Rfc9001Vectors.DCID);
        InitialKeys keys = p.initialKeys(dcid, 0, dcid.length);
        byte[] packet = protectLong(keys.client(), decode(Rfc9001Vectors.A2_HEADER), 4, 2, frames);
        assertEquals(Rfc9001Vectors.A2_PROTECTED, encode(packet));
        // and back: the server's view of the same client Initial
        InitialKeys serverSide = p.initialKeys(dcid, 0, dcid.length);
        assertArrayEquals(frames, unprotectLong(serverSide.client(), packet, 18, 2));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void a3ServerInitial(CryptoProvider p) {
        byte[] dcid = decode(Rfc9001Vectors.DCID);
        InitialKeys keys = p.initialKeys(dcid, 0, dcid.length);
        byte[] payload = decode(Rfc9001Vectors.A3_PAYLOAD);
        byte[] packet = protectLong(keys.server(), decode(Rfc9001Vectors.A3_HEADER), 2, 1, payload);
        assertEquals(Rfc9001Vectors.A3_PROTECTED, encode(packet));
        InitialKeys clientSide = p.initialKeys(dcid, 0, dcid.length);
        assertArrayEquals(payload, unprotectLong(clientSide.server(), packet, 18, 1));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void a4Retry(CryptoProvider p) {
        byte[] retry = decode(Rfc9001Vectors.A4_RETRY);
        byte[] odcid = decode(Rfc9001Vectors.DCID);
        byte[] tag = RetryIntegrity.tag(p, odcid, Arrays.copyOf(retry, retry.length - 16));
        assertEquals("04a265ba2eff4d829058fb3f0f2496ba", encode(tag));
        assertEquals(true, RetryIntegrity.verify(p, odcid, 0, odcid.length, retry, 0, retry.length));
        retry[5] ^= 1;
        assertEquals(false, RetryIntegrity.verify(p, odcid, 0, odcid.length, retry, 0, retry.length));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void a5ChaCha20ShortHeader(CryptoProvider p) {
        CipherSuite s = CipherSuite.TLS_CHACHA20_POLY1305_SHA256;
        byte[] secret = decode("9ac312a7f877468ebe69422748ad00a15443f18203a07d6060f688f30f21632b");
        assertEquals("c6d98ff3441c3fe1b2182094f69caa2ed4b716b65488960a7a984979fb23e1c8",
                encode(Hkdf.expandLabel(p, 32, secret, "quic key", null, 32)));
        assertEquals("e0459b3474bdd0e44a41c144", encode(Hkdf.expandLabel(p, 32, secret, "quic iv", null, 12)));
        assertEquals("25a282b9e82f06f21f488917a4fc8f1b73573685608597d0efcb076b0ab7a7a4",
                encode(Hkdf.expandLabel(p, 32, secret, "quic hp", null, 32)));
        assertEquals("1223504755036d556342ee9361d253421a826c9ecdf3c7148684b36b714881f9",
                encode(Hkdf.expandLabel(p, 32, secret, "quic ku", null, 32)));

        PacketProtection pp = p.packetProtection(s, secret);
        long pn = 654360564L;
        byte[] header = decode("4200bff4");
        byte[] packet = new byte[4 + 1 + 16];
        System.arraycopy(header, 0, packet, 0, 4);
        packet[4] = 0x01;
        int n = pp.seal(pn, packet, 0, 4, packet, 4, 1, packet, 4);
        assertEquals(17, n);
        assertEquals("655e5cd55c41f69080575d7999c25a5bfb", encode(packet, 4, 17));
        byte[] mask = new byte[5];
        pp.headerProtectionMask(packet, 1 + 4, mask);
        assertEquals("aefefe7d03", encode(mask));
        packet[0] ^= (byte) (mask[0] & 0x1f);
        for (int i = 0; i < 3; i++) {
            packet[1 + i] ^= mask[1 + i];
        }
        assertEquals("4cfe4189655e5cd55c41f69080575d7999c25a5bfb", encode(packet));

        // Key update: the next phase derives from "quic ku"; both ends agree and the old keys do not open it.
        PacketProtection receiver = p.packetProtection(s, secret);
        PacketProtection next = pp.nextKeyPhase();
        PacketProtection nextRx = receiver.nextKeyPhase();
        byte[] buf = new byte[32];
        byte[] aad = decode("4200bff5");
        buf[0] = 1;
        n = next.seal(pn + 1, aad, 0, 4, buf, 0, 1, buf, 0);
        byte[] copy = Arrays.copyOf(buf, n);
        assertEquals(-1, receiver.open(pn + 1, aad, 0, 4, copy, 0, n, new byte[32], 0));
        assertEquals(1, nextRx.open(pn + 1, aad, 0, 4, buf, 0, n, buf, 0));
        assertEquals(1, buf[0]);
        byte[] m2 = new byte[5];
        next.headerProtectionMask(packet, 5, m2);
        assertEquals("aefefe7d03", encode(m2), "header protection key survives key update");
    }

    /** Long header: seal the payload after the header, then apply header protection (pnLen bytes of packet number). */
    static byte[] protectLong(PacketProtection pp, byte[] header, int pnLen, long pn, byte[] payload) {
        byte[] packet = new byte[header.length + payload.length + pp.tagLength()];
        System.arraycopy(header, 0, packet, 0, header.length);
        System.arraycopy(payload, 0, packet, header.length, payload.length);
        int n = pp.seal(pn, packet, 0, header.length, packet, header.length, payload.length, packet, header.length);
        assertEquals(payload.length + 16, n);
        int pnOffset = header.length - pnLen;
        byte[] mask = new byte[5];
        pp.headerProtectionMask(packet, pnOffset + 4, mask);
        packet[0] ^= (byte) (mask[0] & 0x0f);
        for (int i = 0; i < pnLen; i++) {
            packet[pnOffset + i] ^= mask[1 + i];
        }
        return packet;
    }

    /** Reverse of protectLong for a packet whose packet number field starts at pnOffset; returns the payload. */
    static byte[] unprotectLong(PacketProtection pp, byte[] protectedPacket, int pnOffset, long expectedPn) {
        byte[] packet = protectedPacket.clone();
        byte[] mask = new byte[5];
        pp.headerProtectionMask(packet, pnOffset + 4, mask);
        packet[0] ^= (byte) (mask[0] & 0x0f);
        int pnLen = (packet[0] & 0x03) + 1;
        long pn = 0;
        for (int i = 0; i < pnLen; i++) {
            packet[pnOffset + i] ^= mask[1 + i];
            pn = (pn << 8) | (packet[pnOffset + i] & 0xff);
        }
        assertEquals(expectedPn, pn);
        int hdr = pnOffset + pnLen;
        int n = pp.open(pn, packet, 0, hdr, packet, hdr, packet.length - hdr, packet, hdr);
        assertEquals(packet.length - hdr - 16, n);
        return Arrays.copyOfRange(packet, hdr, hdr + n);
    }
}
