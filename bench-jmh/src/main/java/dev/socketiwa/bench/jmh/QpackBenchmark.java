package dev.socketiwa.bench.jmh;

import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.qpack.QpackDecoder;
import dev.socketiwa.quic.h3.qpack.QpackEncoder;
import dev.socketiwa.quic.h3.qpack.QpackException;
import dev.socketiwa.quic.h3.qpack.QpackWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * QPACK encode and decode of a typical browser request and a typical response field section, static table and
 * literals (what our server does when the peer grants no dynamic table, and what it always sends first).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QpackBenchmark {
    static final List<HeaderField> REQUEST = List.of(
            new HeaderField(":method", "GET"),
            new HeaderField(":scheme", "https"),
            new HeaderField(":authority", "127.0.0.1:4433"),
            new HeaderField(":path", "/bytes/1048576"),
            new HeaderField("user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/156.0.0.0 Safari/537.36"),
            new HeaderField("accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
            new HeaderField("accept-encoding", "gzip, deflate, br, zstd"),
            new HeaderField("accept-language", "en-US,en;q=0.9"),
            new HeaderField("priority", "u=0, i"));
    static final List<HeaderField> RESPONSE = List.of(
            new HeaderField(":status", "200"),
            new HeaderField("content-type", "application/octet-stream"),
            new HeaderField("content-length", "1048576"),
            new HeaderField("cache-control", "no-store"),
            new HeaderField("server", "socketiwa"));

    private final QpackEncoder encoder = new QpackEncoder();
    private final QpackDecoder decoder = new QpackDecoder(0, 0, 65536);
    private final QpackWriter out = new QpackWriter(1024);
    private byte[] request;
    private byte[] response;
    private long streamId;

    @Setup
    public void setUp() {
        request = encoded(REQUEST);
        response = encoded(RESPONSE);
    }

    private byte[] encoded(List<HeaderField> fields) {
        QpackWriter w = new QpackWriter(1024);
        encoder.encode(0, fields, w);
        return w.toByteArray();
    }

    @Benchmark
    public int encodeRequest() {
        out.clear();
        encoder.encode(streamId += 4, REQUEST, out);
        return out.length();
    }

    @Benchmark
    public int encodeResponse() {
        out.clear();
        encoder.encode(streamId += 4, RESPONSE, out);
        return out.length();
    }

    @Benchmark
    public List<HeaderField> decodeRequest() throws QpackException {
        return decoder.decode(streamId += 4, request, 0, request.length);
    }

    @Benchmark
    public List<HeaderField> decodeResponse() throws QpackException {
        return decoder.decode(streamId += 4, response, 0, response.length);
    }
}
