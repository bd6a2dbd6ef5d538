package dev.socketiwa.plugin.core.wasm;

import dev.socketiwa.runtime.udp.UdpEndpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the web side next to the compiled wasm: the page, our CSP-safe loader and the Direct Sockets shim (resources of
 * socketiwa-runtime under dev/socketiwa/runtime/web/), and socketiwa-config.json with the listen address.
 */
public final class WebAssets {
    public static final String RESOURCE_DIR = "dev/socketiwa/runtime/web/";
    /** Every file of the web side; the page loads nothing else. */
    public static final List<String> FILES = List.of(
            "index.html", "page.mjs", "page.css", "socketiwa-shim.mjs", "socketiwa-loader.mjs", "socketiwa-storage.mjs");
    public static final String CONFIG_FILE = "socketiwa-config.json";

    private WebAssets() {
    }

    public static void write(Path outputDir, String listen) throws WasmCompileException {
        try {
            UdpEndpoint.parse(listen);
        } catch (IllegalArgumentException e) {
            throw new WasmCompileException("bad socketiwa.listen '" + listen + "': " + e.getMessage(), e);
        }
        try {
            Files.createDirectories(outputDir);
            for (String name : FILES) {
                try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
                    if (in == null) {
                        throw new WasmCompileException("socketiwa-runtime lacks its web file " + RESOURCE_DIR + name
                                + ": the plugin and runtime versions do not match", List.of());
                    }
                    Files.copy(in, outputDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            String config = "{\n  \"listen\": \"" + jsonEscape(listen) + "\",\n  \"wasm\": \"" + WasmCompiler.WASM_FILE + "\"\n}\n";
            Files.writeString(outputDir.resolve(CONFIG_FILE), config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WasmCompileException("cannot write the web files into " + outputDir + ": " + e.getMessage(), e);
        }
    }

    /** Size of {@code file} after gzip -9-like compression, for the build log (what a server would send). */
    public static long gzippedSize(Path file) throws IOException {
        CountingStream counter = new CountingStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(counter)) {
            Files.copy(file, gz);
        }
        return counter.count;
    }

    private static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
