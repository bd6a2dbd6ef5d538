package dev.socketiwa.bench.cli;

import dev.socketiwa.bench.udp.LoadConfig;
import dev.socketiwa.bench.udp.LoadMode;
import dev.socketiwa.bench.udp.LoopbackTarget;
import java.nio.file.Path;

/** The load tool's command line, parsed into a checked {@link LoadConfig} plus output options. */
public final class UdpLoadArgs {
    public static final String USAGE = String.join("\n",
            "usage: udp-load --mode burst|constant|ramp|chaos --target host:port [options]",
            "  --target host:port   loopback only: 127.0.0.0/8, [::1] or localhost",
            "  --count N            burst: datagrams to send (default 10000); other modes: cap (default "
                    + LoadConfig.MAX_COUNT + ")",
            "  --rate R             constant: datagrams/s; ramp: final rate; chaos: highest rate (default 10000)",
            "  --seconds T          constant/ramp/chaos: duration (default 5); burst: time cap (default 60)",
            "  --size B             datagram size for burst/constant/ramp, 28.." + LoadConfig.MAX_SIZE
                    + " (default 1200)",
            "  --seed S             fixed seed for the chaos mix and payload filler (default: from the clock)",
            "  --drain-ms MS        wait for late echoes after the last send (default 1000)",
            "  --json FILE          also write the JSON report to FILE ('-' prints it on stdout)",
            "  --json-only          print only the JSON report on stdout, no table",
            "Hard caps: count " + LoadConfig.MAX_COUNT + ", rate " + LoadConfig.MAX_RATE + "/s, seconds "
                    + (long) LoadConfig.MAX_SECONDS + ".");

    public final LoadConfig config;
    public final Path jsonFile;
    public final boolean jsonToStdout;
    public final boolean tableToStdout;

    private UdpLoadArgs(LoadConfig config, Path jsonFile, boolean jsonToStdout, boolean tableToStdout) {
        this.config = config;
        this.jsonFile = jsonFile;
        this.jsonToStdout = jsonToStdout;
        this.tableToStdout = tableToStdout;
    }

    /** Parses; throws IllegalArgumentException with a message that says what to fix. */
    public static UdpLoadArgs parse(String... args) {
        String mode = null;
        String target = null;
        Long count = null;
        Long rate = null;
        Double seconds = null;
        Long size = null;
        Long seed = null;
        Long drain = null;
        String json = null;
        boolean jsonOnly = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--json-only")) {
                jsonOnly = true;
                continue;
            }
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--mode": mode = value; break;
                case "--target": target = value; break;
                case "--count": count = number(name, value); break;
                case "--rate": rate = number(name, value); break;
                case "--seconds": seconds = decimal(name, value); break;
                case "--size": size = number(name, value); break;
                case "--seed": seed = number(name, value); break;
                case "--drain-ms": drain = number(name, value); break;
                case "--json": json = value; break;
                default: throw new IllegalArgumentException("unknown option '" + name + "'");
            }
        }
        if (mode == null) {
            throw new IllegalArgumentException("missing --mode: use one of burst, constant, ramp, chaos");
        }
        LoadConfig c = LoadConfig.defaults(LoadMode.fromCli(mode), LoopbackTarget.parse(target));
        if (count != null) {
            c = c.withCount(count);
        }
        if (rate != null) {
            c = c.withRate(rate);
        }
        if (seconds != null) {
            c = c.withSeconds(seconds);
        }
        if (size != null) {
            c = c.withSize((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, size))); // range checked there
        }
        if (seed != null) {
            c = c.withSeed(seed);
        }
        if (drain != null) {
            c = c.withDrainMillis(drain);
        }
        boolean jsonStdout = jsonOnly || "-".equals(json);
        Path file = json == null || json.equals("-") ? null : Path.of(json);
        return new UdpLoadArgs(c, file, jsonStdout, !jsonOnly);
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " wants a whole number, got '" + value + "'");
        }
    }

    private static double decimal(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " wants a number, got '" + value + "'");
        }
    }
}
