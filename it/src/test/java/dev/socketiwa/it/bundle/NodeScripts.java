package dev.socketiwa.it.bundle;

import dev.socketiwa.it.tools.TestTools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the .mjs scripts of it/src/test/node with Node 24 and the pinned npm packages from test-tools. */
public final class NodeScripts {
    private NodeScripts() {
    }

    /** it/src/test/node (surefire runs with the module as working directory). */
    public static Path dir() {
        return TestTools.require(Paths.get("src/test/node").toAbsolutePath(), "it/src/test/node scripts");
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static Result run(Map<String, String> env, String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(TestTools.node().toString());
        command.add(dir().resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("WEB_BUNDLE_SIGNING_PASSPHRASE");
        pb.environment().put("SOCKETIWA_NODE_MODULES", TestTools.nodeModules().toString());
        pb.environment().putAll(env);
        Path out = Files.createTempFile("node-out", ".txt");
        Path err = Files.createTempFile("node-err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("node " + script + " did not finish within 120 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs and requires exit code 0; returns stdout. */
    public static String ok(Map<String, String> env, String script, String... args) throws IOException, InterruptedException {
        Result r = run(env, script, args);
        if (r.exitCode() != 0) {
            throw new AssertionError("node " + script + " " + String.join(" ", args) + " failed (" + r.exitCode() + "):\n" + r.stderr() + r.stdout());
        }
        return r.stdout();
    }
}
