package dev.socketiwa.it.wasm;

import dev.socketiwa.it.tools.TestTools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A socketiwa:compile output run under Node 24 by it/src/test/node/run-app.mjs, with the dgram UDPSocket stand-in. */
final class NodeApp implements AutoCloseable {
    private static final Pattern STATE = Pattern.compile("\\{\"state\":\"([a-z]+)\",\"detail\":\"(.*)\"}");
    private static final Pattern NUMBER = Pattern.compile("\"([A-Za-z]+)\":(-?[0-9]+)");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> transcript = new CopyOnWriteArrayList<>();

    NodeApp(Path webDir, String listen) throws IOException {
        this(webDir, listen, 0);
    }

    /** @param slowWriterMillis delay of each send in the UDPSocket stand-in (0: none), to make sends back up */
    NodeApp(Path webDir, String listen, int slowWriterMillis) throws IOException {
        Path script = Paths.get("src/test/node/run-app.mjs").toAbsolutePath();
        // no eval or new Function, as under the IWA CSP
        process = new ProcessBuilder(TestTools.node().toString(), "--disallow-code-generation-from-strings",
                script.toString(), webDir.toString(), listen,
                Integer.toString(slowWriterMillis))
                .redirectErrorStream(true)
                .start();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    transcript.add(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "node-app-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Waits for the listening state and returns the bound port; fails with Node's output otherwise. */
    int awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!process.isAlive()) {
                    break;
                }
                continue;
            }
            Matcher m = STATE.matcher(line);
            if (m.matches()) {
                if (m.group(1).equals("listening")) {
                    String detail = m.group(2);
                    return Integer.parseInt(detail.substring(detail.lastIndexOf(':') + 1));
                }
                if (m.group(1).equals("failed")) {
                    break;
                }
            }
        }
        throw new AssertionError("the wasm app did not reach the listening state under Node; its output:\n"
                + String.join("\n", transcript));
    }

    /** Waits until a line of the app's output contains {@code text} (seen before or later). */
    void awaitLine(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            for (String line : transcript) {
                if (line.contains(text)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no output line with " + text + "; the app's output:\n" + transcript());
    }

    /** Asks the shim for its counters (received, sent, waits, waitsWithData, dropped, ...). */
    java.util.Map<String, Long> stats() throws IOException, InterruptedException {
        lines.clear();
        OutputStream in = process.getOutputStream();
        in.write('\n');
        in.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("{\"stats\"")) {
                java.util.Map<String, Long> stats = new java.util.TreeMap<>();
                Matcher m = NUMBER.matcher(line);
                while (m.find()) {
                    stats.put(m.group(1), Long.parseLong(m.group(2)));
                }
                return stats;
            }
        }
        throw new AssertionError("no stats from the Node app; its output:\n" + String.join("\n", transcript));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String transcript() {
        return String.join("\n", transcript);
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
