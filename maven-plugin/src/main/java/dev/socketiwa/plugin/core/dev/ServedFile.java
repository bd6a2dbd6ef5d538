package dev.socketiwa.plugin.core.dev;

/** One response the dev server gives: the bytes of a file of the app and their media type. */
public record ServedFile(String contentType, byte[] body) {
}
