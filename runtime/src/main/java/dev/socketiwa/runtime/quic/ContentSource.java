package dev.socketiwa.runtime.quic;

/** Files a server offers by path, e.g. for hq-interop; implementations must refuse paths outside their root. */
@FunctionalInterface
public interface ContentSource {
    /** The content at a request path such as "/index.html", or null when there is none. */
    byte[] get(String path);
}
