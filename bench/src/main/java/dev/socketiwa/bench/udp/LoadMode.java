package dev.socketiwa.bench.udp;

import java.util.Locale;

/** The load shapes of the proof of concept, kept so figures stay comparable with its table. */
public enum LoadMode {
    /** N datagrams as fast as the socket takes them. */
    BURST,
    /** R datagrams per second for T seconds. */
    CONSTANT,
    /** A linear ramp from 0 to R datagrams per second over T seconds (R*T/2 datagrams in all). */
    RAMP,
    /** A seeded random mix of sizes, rates, malformed datagrams and QUIC-looking Initials. */
    CHAOS;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LoadMode fromCli(String text) {
        for (LoadMode m : values()) {
            if (m.cliName().equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + text + "': use one of burst, constant, ramp, chaos");
    }
}
