package dev.socketiwa.bench.jmh.docs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MicrobenchmarkDocsTest {
    private static final String JMH = "[{\"benchmark\":\"dev.socketiwa.bench.jmh.AeadBenchmark.seal\",\"mode\":\"thrpt\","
            + "\"params\":{\"provider\":\"jca\",\"suite\":\"TLS_AES_128_GCM_SHA256\"},"
            + "\"primaryMetric\":{\"score\":250000.0,\"scoreError\":\"NaN\",\"scoreUnit\":\"ops/s\"}},"
            + "{\"benchmark\":\"dev.socketiwa.bench.jmh.QpackBenchmark.decodeRequest\",\"mode\":\"thrpt\","
            + "\"primaryMetric\":{\"score\":50000.0,\"scoreUnit\":\"ops/s\"}}]";

    @Test
    void rendersOneRowPerResultWithPacketThroughputWhereItApplies() throws Exception {
        String md = MicrobenchmarkDocs.render(JMH, "TLS_AES_128_GCM_SHA256 seal\t10.0\t40.0\n", "m", "c", "d");
        assertTrue(md.contains("| AeadBenchmark.seal | provider=jca, suite=TLS_AES_128_GCM_SHA256 | 250,000 | 4,000.0 |"
                + " 300.0 |"), md);
        assertTrue(md.contains("| QpackBenchmark.decodeRequest |  | 50,000 | 20,000.0 |  |"), md);
        assertTrue(md.contains("| TLS_AES_128_GCM_SHA256 seal | 10.0 | 40.0 | 0.250 |"), md);
    }

    @Test
    void somethingElseThanJmhJsonIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MicrobenchmarkDocs.render("{}", null, "m", "c", "d"));
        assertTrue(e.getMessage().contains("-rf json"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MicrobenchmarkDocs.render(
                "[{\"benchmark\":\"x.Y.z\",\"primaryMetric\":{\"score\":1,\"scoreUnit\":\"ns/op\"}}]", null, "m", "c", "d"));
    }
}
