package dev.socketiwa.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketiwa.quic.h3.qpack.HeaderField;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark method called once outside JMH (which `mvn verify` never runs): its setup works and it returns what
 * the operation must produce, so a benchmark cannot silently measure a failing path.
 */
class MicrobenchmarksSmokeTest {
    @ParameterizedTest
    @CsvSource({"jca,TLS_AES_128_GCM_SHA256", "jca,TLS_CHACHA20_POLY1305_SHA256",
            "portable,TLS_AES_128_GCM_SHA256", "portable,TLS_CHACHA20_POLY1305_SHA256"})
    void cryptoAndPacketBenchmarks(String provider, String suite) throws Exception {
        AeadBenchmark aead = new AeadBenchmark();
        aead.provider = provider;
        aead.suite = suite;
        aead.setUp();
        assertEquals(AeadBenchmark.PAYLOAD + AeadBenchmark.TAG, aead.seal());
        for (int i = 0; i < 3; i++) {
            assertEquals(AeadBenchmark.PAYLOAD, aead.open(), "open #" + i);
        }

        HeaderProtectionBenchmark hp = new HeaderProtectionBenchmark();
        hp.provider = provider;
        hp.suite = suite;
        hp.setUp();
        byte[] first = hp.mask().clone();
        assertEquals(5, first.length);
        assertTrue(!java.util.Arrays.equals(first, hp.mask()), "a new sample gives a new mask");

        PacketCodecBenchmark codec = new PacketCodecBenchmark();
        codec.provider = provider;
        codec.suite = suite;
        codec.setUp();
        assertEquals(ShortPackets.DATAGRAM, codec.buildSealed());
        assertEquals(ShortPackets.streamBytes(0, true), codec.parseSealed());
        for (int i = 0; i < 3; i++) {
            assertEquals(ShortPackets.streamBytes(0, true), codec.parseSealed(), "repeatable: the input is copied first");
        }
        assertEquals(ShortPackets.streamBytes(0, false), codec.parsePlain());
        assertTrue(codec.buildPlain() > 1100);
    }

    @Test
    void qpackBenchmarksRoundTrip() throws Exception {
        QpackBenchmark q = new QpackBenchmark();
        q.setUp();
        List<HeaderField> request = q.decodeRequest();
        assertEquals(QpackBenchmark.REQUEST, request);
        assertEquals(QpackBenchmark.RESPONSE, q.decodeResponse());
        assertTrue(q.encodeRequest() > 20);
        assertTrue(q.encodeResponse() > 5);
    }
}
