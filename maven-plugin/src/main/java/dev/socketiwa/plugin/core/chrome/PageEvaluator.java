package dev.socketiwa.plugin.core.chrome;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Runs JavaScript in one attached page session and polls conditions there. */
class PageEvaluator {
    private final CdpConnection cdp;
    private final String sessionId;
    private final Duration timeout;

    PageEvaluator(CdpConnection cdp, String sessionId, Duration timeout) {
        this.cdp = cdp;
        this.sessionId = sessionId;
        this.timeout = timeout;
    }

    /**
     * Evaluates an expression (promises are awaited) and returns its JSON value: Map, List, String,
     * {@link dev.socketiwa.plugin.core.json.JsonNumber}, Boolean or null. A thrown exception becomes a {@link ChromeException} with the page's message.
     */
    @SuppressWarnings("unchecked")
    Object evaluate(String expression) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("expression", expression);
        params.put("awaitPromise", Boolean.TRUE);
        params.put("returnByValue", Boolean.TRUE);
        params.put("userGesture", Boolean.TRUE);
        Map<String, Object> reply = cdp.call(sessionId, "Runtime.evaluate", params, timeout);
        Object exception = reply.get("exceptionDetails");
        if (exception instanceof Map) {
            Map<String, Object> details = (Map<String, Object>) exception;
            Object thrown = details.get("exception");
            String description = thrown instanceof Map ? String.valueOf(((Map<String, Object>) thrown).get("description")) : null;
            throw new ChromeException("page threw: " + (description != null ? description : String.valueOf(details.get("text"))));
        }
        Object result = reply.get("result");
        return result instanceof Map ? ((Map<String, Object>) result).get("value") : null;
    }

    /**
     * Polls a JavaScript condition until it is truthy. Evaluation errors while the page is still navigating count as
     * "not yet". On timeout, fails with {@code diagnostics}.
     */
    void waitFor(String condition, Duration within, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + within.toNanos();
        ChromeException last = null;
        while (true) {
            try {
                Object value = evaluate("!!(" + condition + ")");
                if (Boolean.TRUE.equals(value)) {
                    return;
                }
            } catch (ChromeException e) {
                if (!cdp.isOpen()) {
                    throw new ChromeException("Chromium went away while waiting for " + condition + ": " + e.getMessage()
                            + "\n" + diagnostics.get(), e);
                }
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new ChromeException("timed out after " + within.toSeconds() + " s waiting for " + condition
                        + (last != null ? " (last error: " + last.getMessage() + ")" : "") + "\n" + diagnostics.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChromeException("interrupted waiting for " + condition, e);
            }
        }
    }
}
