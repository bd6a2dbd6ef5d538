package dev.socketiwa.quic.tls;

/**
 * Wall-clock milliseconds for ticket ages and lifetimes (RFC 8446 §4.6.1), which outlive one process and so cannot use
 * the transport's monotonic time. Tests pass a fake one.
 */
public interface WallClock {
    WallClock SYSTEM = System::currentTimeMillis;

    long millis();
}
