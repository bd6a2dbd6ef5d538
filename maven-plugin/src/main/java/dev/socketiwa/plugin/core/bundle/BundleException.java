package dev.socketiwa.plugin.core.bundle;

/** Anything the user must fix before a bundle can be built; the message says what and how. */
public class BundleException extends Exception {
    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
