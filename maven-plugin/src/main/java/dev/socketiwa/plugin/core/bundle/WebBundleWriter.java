package dev.socketiwa.plugin.core.bundle;

import dev.socketiwa.plugin.core.cbor.CborMap;
import dev.socketiwa.plugin.core.cbor.CborWriter;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes an unsigned Web Bundle, format b2 (draft-yasskin-wpack-bundled-exchanges as implemented by Chromium and by
 * npm {@code wbn}): responses in the given order, each with {@code :status 200} and its content-type, and an index
 * from URL to the response's place. Same input, same bytes.
 */
public final class WebBundleWriter {
    private static final byte[] MAGIC = {(byte) 0xF0, (byte) 0x9F, (byte) 0x8C, (byte) 0x90, (byte) 0xF0, (byte) 0x9F, (byte) 0x93, (byte) 0xA6};
    private static final byte[] VERSION_B2 = {'b', '2', 0, 0};

    private WebBundleWriter() {
    }

    public static byte[] write(List<WebResource> resources) {
        Set<String> seen = new HashSet<>();
        CborWriter responses = new CborWriter(estimate(resources));
        responses.arrayHeader(resources.size());
        CborMap index = new CborMap();
        for (WebResource r : resources) {
            if (!seen.add(r.path())) {
                throw new IllegalArgumentException("two responses for " + r.path());
            }
            int offset = responses.size();
            byte[] headers = new CborMap()
                    .put(new CborWriter().bytes(ascii(":status")).toByteArray(), new CborWriter().bytes(ascii("200")).toByteArray())
                    .put(new CborWriter().bytes(ascii("content-type")).toByteArray(),
                            new CborWriter().bytes(ascii(r.contentType())).toByteArray())
                    .encode();
            responses.arrayHeader(2).bytes(headers).bytes(r.body());
            int length = responses.size() - offset;
            index.put(new CborWriter().text(r.path()).toByteArray(),
                    new CborWriter().arrayHeader(2).integer(offset).integer(length).toByteArray());
        }
        byte[] indexBytes = index.encode();
        byte[] sectionLengths = new CborWriter()
                .arrayHeader(4).text("index").integer(indexBytes.length).text("responses").integer(responses.size())
                .toByteArray();

        CborWriter bundle = new CborWriter(indexBytes.length + responses.size() + 64);
        bundle.arrayHeader(5).bytes(MAGIC).bytes(VERSION_B2).bytes(sectionLengths);
        bundle.arrayHeader(2).raw(indexBytes).raw(responses.toByteArray());
        bundle.bytes(new byte[8]);
        byte[] out = bundle.toByteArray();
        long total = out.length;
        for (int i = 0; i < 8; i++) {
            out[out.length - 1 - i] = (byte) (total >>> (8 * i));
        }
        return out;
    }

    private static int estimate(List<WebResource> resources) {
        long sum = 16;
        for (WebResource r : resources) {
            sum += r.body().length + r.contentType().length() + 32;
        }
        return (int) Math.min(sum, Integer.MAX_VALUE - 64);
    }

    private static byte[] ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7e || s.charAt(i) < 0x20) {
                throw new IllegalArgumentException("header value is not printable ASCII: " + s);
            }
        }
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
