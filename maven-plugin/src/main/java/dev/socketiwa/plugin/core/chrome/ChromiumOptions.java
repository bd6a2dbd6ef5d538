package dev.socketiwa.plugin.core.chrome;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How to start Chromium: which binary, headless or not, and any extra command-line switches. */
public final class ChromiumOptions {
    private final Path executable;
    private boolean headless = true;
    private boolean sandbox = true;
    private Duration startupTimeout = Duration.ofSeconds(30);
    private Duration commandTimeout = Duration.ofSeconds(30);
    private final List<String> extraArguments = new ArrayList<>();

    public ChromiumOptions(Path executable) {
        this.executable = executable;
    }

    public Path executable() {
        return executable;
    }

    public boolean headless() {
        return headless;
    }

    public ChromiumOptions headless(boolean value) {
        this.headless = value;
        return this;
    }

    /** False for test machines and CI containers where Chromium's sandbox cannot start (as root it is always off). */
    public boolean sandbox() {
        return sandbox;
    }

    public ChromiumOptions sandbox(boolean value) {
        this.sandbox = value;
        return this;
    }

    public Duration startupTimeout() {
        return startupTimeout;
    }

    public ChromiumOptions startupTimeout(Duration value) {
        this.startupTimeout = value;
        return this;
    }

    /** The longest any single DevTools command (install, evaluate, ...) may take. */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    public ChromiumOptions commandTimeout(Duration value) {
        this.commandTimeout = value;
        return this;
    }

    public List<String> extraArguments() {
        return extraArguments;
    }

    public ChromiumOptions addArgument(String argument) {
        extraArguments.add(argument);
        return this;
    }
}
