package dev.socketiwa.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.PacketProtection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmarked packet is a real one: it fills the datagram, and what is built parses back to the same bytes. */
class ShortPacketsTest {
    @ParameterizedTest
    @CsvSource({"jca,TLS_AES_128_GCM_SHA256", "jca,TLS_CHACHA20_POLY1305_SHA256",
            "portable,TLS_AES_128_GCM_SHA256", "portable,TLS_CHACHA20_POLY1305_SHA256"})
    void sealedPacketFillsTheDatagramAndOpensToItsStreamBytes(String provider, String suiteName) throws Exception {
        CipherSuite suite = CipherSuite.valueOf(suiteName);
        byte[] secret = Providers.secret(suite.hashLength());
        PacketProtection tx = Providers.byName(provider).packetProtection(suite, secret);
        PacketProtection rx = Providers.byName(provider).packetProtection(suite, secret);
        ShortPackets packets = new ShortPackets();
        byte[] buf = new byte[ShortPackets.DATAGRAM];
        int len = packets.writeSealed(buf, 1000, 5000, tx);
        assertEquals(ShortPackets.DATAGRAM, len, "one packet fills a 1200-byte datagram");
        assertTrue((buf[0] & 0x80) == 0, "short header");

        long seen = packets.readSealed(buf, len, rx, 999, new byte[ShortPackets.DATAGRAM]);
        assertEquals(ShortPackets.streamBytes(5000, true), seen);
        assertEquals(5000, packets.visitor.lastStreamOffset);
        assertEquals(1, packets.visitor.frames, "exactly one STREAM frame");
    }

    @ParameterizedTest
    @CsvSource({"jca,TLS_AES_128_GCM_SHA256", "portable,TLS_CHACHA20_POLY1305_SHA256"})
    void aFlippedBitFailsAuthentication(String provider, String suiteName) throws Exception {
        CipherSuite suite = CipherSuite.valueOf(suiteName);
        byte[] secret = Providers.secret(suite.hashLength());
        ShortPackets packets = new ShortPackets();
        byte[] buf = new byte[ShortPackets.DATAGRAM];
        int len = packets.writeSealed(buf, 3, 0, Providers.byName(provider).packetProtection(suite, secret));
        buf[600] ^= 1;
        assertEquals(-1, packets.readSealed(buf, len, Providers.byName(provider).packetProtection(suite, secret), 2,
                new byte[ShortPackets.DATAGRAM]));
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "70000", "1073741823"})
    void cleartextPacketParsesBackWithAllItsStreamBytes(long offset) throws Exception {
        ShortPackets packets = new ShortPackets();
        byte[] buf = new byte[ShortPackets.DATAGRAM];
        int payload = packets.writePlain(buf, 9, offset, false);
        int len = ShortPackets.PN_OFFSET + ShortPackets.PN_LENGTH + payload;
        assertEquals(ShortPackets.DATAGRAM, len);
        assertEquals(ShortPackets.streamBytes(offset, false), packets.readPlain(buf, len));
        assertEquals(offset, packets.visitor.lastStreamOffset);
    }
}
