package dev.socketiwa.runtime.cert;

/** Wall-clock time in milliseconds since the Unix epoch (certificate validity is wall-clock time, not a monotonic timer). */
@FunctionalInterface
public interface MillisClock {
    long millis();
}
