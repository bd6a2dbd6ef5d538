package dev.socketiwa.runtime.app;

import dev.socketiwa.runtime.udp.UdpTransport;

/**
 * A UDP server: gets a bound socket and runs its loop with blocking-style calls until it returns or the socket closes.
 * The same object runs on the JVM and, compiled by {@code socketiwa:compile}, inside the browser.
 */
@FunctionalInterface
public interface UdpApp {
    void serve(UdpTransport udp) throws Exception;
}
