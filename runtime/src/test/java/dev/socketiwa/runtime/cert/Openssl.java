package dev.socketiwa.runtime.cert;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the openssl command line as an independent checker; a missing openssl fails the test with what to install. */
final class Openssl {
    private Openssl() {
    }

    /** Runs openssl with these arguments and returns stdout+stderr; a non-zero exit fails the test. */
    static String run(String... args) {
        Result r = tryRun(args);
        if (r.exit != 0) {
            fail("openssl " + String.join(" ", args) + " exited " + r.exit + ":\n" + r.output);
        }
        return r.output;
    }

    static Result tryRun(String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(Arrays.asList(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("openssl is needed as an independent certificate checker but could not be run ("
                    + e.getMessage() + "); install it, e.g. apt-get install openssl", e);
        }
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("openssl " + String.join(" ", args) + " did not finish");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("running openssl failed", e);
        }
    }

    static final class Result {
        final int exit;
        final String output;

        Result(int exit, String output) {
            this.exit = exit;
            this.output = output;
        }
    }
}
