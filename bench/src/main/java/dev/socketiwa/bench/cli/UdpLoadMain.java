package dev.socketiwa.bench.cli;

import dev.socketiwa.bench.udp.LoadReport;
import dev.socketiwa.bench.udp.UdpLoadRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The UDP load tool's entry point: {@code java -cp ... dev.socketiwa.bench.cli.UdpLoadMain --mode ... --target ...}. */
public final class UdpLoadMain {
    private UdpLoadMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs and prints; returns the exit code: 0 done, 1 the run failed, 2 bad arguments. */
    public static int run(String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(UdpLoadArgs.USAGE);
            return args.length == 0 ? 2 : 0;
        }
        UdpLoadArgs parsed;
        try {
            parsed = UdpLoadArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("udp-load: " + e.getMessage());
            System.err.println(UdpLoadArgs.USAGE);
            return 2;
        }
        LoadReport report;
        try {
            report = UdpLoadRun.run(parsed.config);
        } catch (IOException e) {
            System.err.println("udp-load: the run failed: " + e.getMessage());
            return 1;
        }
        if (parsed.tableToStdout) {
            System.out.print(report.toTable());
            if (report.answered() == 0 && report.sent() > 0) {
                System.out.println("no echo came back: is an echo server listening on " + report.target() + "?");
            }
        }
        String json = report.toJson();
        if (parsed.jsonToStdout) {
            System.out.println(json);
        }
        if (parsed.jsonFile != null) {
            try {
                Files.writeString(parsed.jsonFile, json + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("udp-load: cannot write the JSON report to " + parsed.jsonFile + ": " + e);
                return 1;
            }
        }
        return 0;
    }
}
