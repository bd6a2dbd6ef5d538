package dev.socketiwa.bench.udp;

/** Why the send phase ended. */
public enum StopReason {
    /** The mode's plan ran out: burst sent its count, the others reached their duration. */
    COMPLETE,
    /** Constant, ramp or chaos hit the --count cap before the end of their duration. */
    COUNT_CAP,
    /** Burst hit the --seconds cap before sending its count. */
    TIME_CAP
}
