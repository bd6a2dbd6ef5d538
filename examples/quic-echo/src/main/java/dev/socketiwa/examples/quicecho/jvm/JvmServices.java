package dev.socketiwa.examples.quicecho.jvm;

import dev.socketiwa.runtime.quic.ContentSource;
import dev.socketiwa.runtime.quic.HqInteropHandler;
import dev.socketiwa.runtime.quic.QuicHandler;
import dev.socketiwa.runtime.quic.jvm.DirectoryContent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/** The quic-echo services that need files, hence only on the JVM. */
public final class JvmServices {
    static final byte[] BUILT_IN_PAGE = ("<!doctype html><title>quic-echo</title><p>Socket.IWA quic-echo over hq-interop."
            + " Serve your own files with --www DIR.\n").getBytes(StandardCharsets.UTF_8);

    private JvmServices() {
    }

    /** Adds ALPN hq-interop serving {@code --www DIR} / {@code -Dsocketiwa.www}, or the built-in page at / and /index.html. */
    public static void addHqInterop(Map<String, Supplier<QuicHandler>> services, String[] args) {
        ContentSource content = content(wwwOption(args));
        services.put(HqInteropHandler.ALPN, () -> new HqInteropHandler(content));
    }

    static ContentSource content(String www) {
        if (www == null) {
            System.out.println("quic-echo: hq-interop serves a built-in page (give --www DIR to serve files)");
            return path -> path.equals("/") || path.equals("/index.html") ? BUILT_IN_PAGE : null;
        }
        Path root = Path.of(www).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("quic-echo: --www " + www + " is not a directory: give a directory of files"
                    + " to serve over hq-interop, or leave --www out for the built-in page");
        }
        System.out.println("quic-echo: hq-interop serves " + root);
        return new DirectoryContent(root);
    }

    static String wwwOption(String[] args) {
        if (args != null) {
            for (int i = 0; i < args.length; i++) {
                if (args[i].startsWith("--www=")) return args[i].substring("--www=".length());
                if (args[i].equals("--www") && i + 1 < args.length) return args[i + 1];
            }
        }
        String property = System.getProperty("socketiwa.www");
        return property != null && !property.isBlank() ? property.trim() : null;
    }
}
