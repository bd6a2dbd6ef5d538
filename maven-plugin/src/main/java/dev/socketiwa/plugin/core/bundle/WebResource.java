package dev.socketiwa.plugin.core.bundle;

/** One response of the app: served at {@code path} (like "/index.html") with status 200. */
public record WebResource(String path, String contentType, byte[] body) {
}
