package dev.socketiwa.bench.quic;

/** How much each QUIC measurement does: smoke (seconds, for tests), quick (the default, a few minutes), full. */
public enum QuicProfile {
    SMOKE(2, 1.0, 256 * 1024, 1_000_000, 1, 4, 2, 5, 1.0, 1.0),
    QUICK(4, 5.0, 8L << 20, 20_000_000, 3, 24, 4, 10, 5.0, 20.0),
    FULL(8, 15.0, 32L << 20, 100_000_000, 5, 100, 8, 20, 15.0, 40.0);

    /** WebTransport datagrams: payload bytes after the quarter stream ID, and how many may be unanswered at once. */
    public final int datagramSize = 1000;
    public final int datagramWindow = 64;

    public final int handshakeParallel;
    public final double handshakeSeconds;
    public final long echoBytes;
    public final long downloadBytes;
    public final int downloadRounds;
    public final int requestConnections;
    public final int requestParallel;
    public final int requestsPerConnection;
    public final double datagramSeconds;
    /** At most this long per target warming the handshake path until its rate settles (see HandshakeWarmup). */
    public final double handshakeWarmupSeconds;

    QuicProfile(int handshakeParallel, double handshakeSeconds, long echoBytes, long downloadBytes, int downloadRounds,
                int requestConnections, int requestParallel, int requestsPerConnection, double datagramSeconds,
                double handshakeWarmupSeconds) {
        this.handshakeParallel = handshakeParallel;
        this.handshakeSeconds = handshakeSeconds;
        this.echoBytes = echoBytes;
        this.downloadBytes = downloadBytes;
        this.downloadRounds = downloadRounds;
        this.requestConnections = requestConnections;
        this.requestParallel = requestParallel;
        this.requestsPerConnection = requestsPerConnection;
        this.datagramSeconds = datagramSeconds;
        this.handshakeWarmupSeconds = handshakeWarmupSeconds;
    }

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
