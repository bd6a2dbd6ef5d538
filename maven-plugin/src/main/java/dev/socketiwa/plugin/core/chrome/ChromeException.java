package dev.socketiwa.plugin.core.chrome;

/** Something went wrong driving Chromium; the message says what and, where known, what to do about it. */
public class ChromeException extends RuntimeException {
    public ChromeException(String message) {
        super(message);
    }

    public ChromeException(String message, Throwable cause) {
        super(message, cause);
    }
}
