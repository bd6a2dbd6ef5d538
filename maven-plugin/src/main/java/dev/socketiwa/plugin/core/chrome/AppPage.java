package dev.socketiwa.plugin.core.chrome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A handle on one open page of an Isolated Web App: evaluate JavaScript, wait for conditions, read what the page
 * logged. The page's console and uncaught exceptions are recorded from the moment of attaching.
 */
public final class AppPage implements AutoCloseable {
    private static final int MAX_CONSOLE_LINES = 2000;

    private final Chromium chromium;
    private final String targetId;
    private final String sessionId;
    private final String url;
    private final PageEvaluator evaluator;
    private final List<String> console = new ArrayList<>();
    private final CdpEventListener listener = this::onEvent;
    private boolean closed;

    AppPage(Chromium chromium, String targetId, String sessionId, String url) {
        this.chromium = chromium;
        this.targetId = targetId;
        this.sessionId = sessionId;
        this.url = url;
        this.evaluator = new PageEvaluator(chromium.cdp(), sessionId, chromium.commandTimeout());
        chromium.cdp().addListener(listener);
        chromium.cdp().call(sessionId, "Runtime.enable", Map.of(), chromium.commandTimeout());
        chromium.cdp().call(sessionId, "Log.enable", Map.of(), chromium.commandTimeout());
    }

    public String url() {
        return url;
    }

    public Object evaluate(String expression) {
        return evaluator.evaluate(expression);
    }

    /** Waits until {@code condition} is truthy in the page; on timeout the error carries the page's console. */
    public void waitFor(String condition, Duration within) {
        evaluator.waitFor(condition, within, this::diagnostics);
    }

    /** Reloads the page (e.g. after a permission change) and waits for the new document. */
    public void reload() {
        evaluate("window.__socketiwaBeforeReload = true");
        chromium.cdp().call(sessionId, "Page.reload", Map.of("ignoreCache", Boolean.TRUE), chromium.commandTimeout());
        waitFor("!window.__socketiwaBeforeReload && document.readyState !== 'loading'", chromium.commandTimeout());
    }

    /** Console messages, log entries and uncaught exceptions seen so far, oldest first. */
    public synchronized List<String> consoleLines() {
        return new ArrayList<>(console);
    }

    /** The page's console plus Chromium's recent output, for assertion messages. */
    public String diagnostics() {
        return "--- page " + url + " console ---\n" + String.join("\n", consoleLines())
                + "\n--- chromium output (last lines) ---\n" + chromium.recentOutput();
    }

    @SuppressWarnings("unchecked")
    private void onEvent(String session, String method, Map<String, Object> params) {
        if (!sessionId.equals(session)) {
            return;
        }
        switch (method) {
            case "Runtime.consoleAPICalled": {
                StringBuilder line = new StringBuilder("console.").append(params.get("type")).append(':');
                Object args = params.get("args");
                if (args instanceof List) {
                    for (Object arg : (List<Object>) args) {
                        Map<String, Object> a = (Map<String, Object>) arg;
                        Object value = a.containsKey("value") ? a.get("value") : a.get("description");
                        line.append(' ').append(value);
                    }
                }
                record(line.toString());
                break;
            }
            case "Runtime.exceptionThrown": {
                Map<String, Object> details = (Map<String, Object>) params.get("exceptionDetails");
                Object exception = details == null ? null : details.get("exception");
                Object description = exception instanceof Map ? ((Map<String, Object>) exception).get("description") : null;
                record("uncaught: " + (description != null ? description : details == null ? "?" : details.get("text")));
                break;
            }
            case "Log.entryAdded": {
                Map<String, Object> entry = (Map<String, Object>) params.get("entry");
                if (entry != null) {
                    record("log." + entry.get("level") + ": " + entry.get("text")
                            + (entry.get("url") != null ? " (" + entry.get("url") + ")" : ""));
                }
                break;
            }
            default:
                break;
        }
    }

    private synchronized void record(String line) {
        if (console.size() == MAX_CONSOLE_LINES) {
            console.remove(0);
        }
        console.add(line);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            chromium.cdp().removeListener(listener);
            chromium.closeTarget(targetId);
        }
    }
}
