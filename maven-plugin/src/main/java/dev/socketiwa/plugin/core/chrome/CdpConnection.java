package dev.socketiwa.plugin.core.chrome;

import dev.socketiwa.plugin.core.json.Json;
import dev.socketiwa.plugin.core.json.JsonException;
import dev.socketiwa.plugin.core.json.JsonNumber;
import dev.socketiwa.plugin.core.json.JsonWriter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Chrome DevTools protocol client over one browser-level WebSocket, with flat sessions
 * ({@code Target.attachToTarget {flatten: true}}) for pages. Permission grants sent over this connection last only as
 * long as it stays open, so whoever holds a granted app keeps it open.
 */
public final class CdpConnection implements AutoCloseable {
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<CdpEventListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private CdpConnection(URI endpoint, Duration timeout) {
        try {
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(timeout)
                    .buildAsync(endpoint, new Receiver())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChromeException("interrupted while connecting to DevTools at " + endpoint, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ChromeException("cannot connect to DevTools at " + endpoint + ": " + e, e);
        }
    }

    public static CdpConnection connect(URI browserEndpoint, Duration timeout) {
        return new CdpConnection(browserEndpoint, timeout);
    }

    public void addListener(CdpEventListener listener) {
        listeners.add(listener);
    }

    public void removeListener(CdpEventListener listener) {
        listeners.remove(listener);
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    /** Sends a command and waits for its result; a protocol error becomes a {@link ChromeException} naming the method. */
    public Map<String, Object> call(String sessionId, String method, Map<String, Object> params, Duration timeout) {
        CompletableFuture<Map<String, Object>> reply = send(sessionId, method, params);
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChromeException("interrupted waiting for " + method, e);
        } catch (TimeoutException e) {
            pending.values().remove(reply); // a late answer is dropped, not kept forever
            throw new ChromeException(method + " got no answer from Chromium within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof ChromeException ? (ChromeException) cause
                    : new ChromeException(method + " failed: " + cause, cause);
        }
    }

    public Map<String, Object> call(String method, Map<String, Object> params, Duration timeout) {
        return call(null, method, params, timeout);
    }

    public CompletableFuture<Map<String, Object>> send(String sessionId, String method, Map<String, Object> params) {
        long id = ids.incrementAndGet();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params == null ? Map.of() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        if (closed.isDone()) {
            reply.completeExceptionally(new ChromeException(method + ": the DevTools connection is closed"));
            return reply;
        }
        pending.put(id, reply);
        // WebSocket allows one outstanding send at a time; serialise them.
        synchronized (this) {
            socket.sendText(JsonWriter.write(message), true).join();
        }
        return reply;
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the browser may already be gone; abort below releases the socket either way
            }
            socket.abort();
            failAll("the DevTools connection was closed");
        }
    }

    private void failAll(String why) {
        closed.complete(null);
        for (Map.Entry<Long, CompletableFuture<Map<String, Object>>> e : pending.entrySet()) {
            e.getValue().completeExceptionally(new ChromeException(why));
        }
        pending.clear();
    }

    @SuppressWarnings("unchecked")
    private void dispatch(String text) {
        Map<String, Object> message;
        try {
            message = (Map<String, Object>) Json.parse(text);
        } catch (JsonException | ClassCastException e) {
            return; // not ours to crash on: DevTools only sends JSON objects
        }
        Object id = message.get("id");
        if (id instanceof JsonNumber) {
            CompletableFuture<Map<String, Object>> reply;
            try {
                reply = pending.remove(Long.parseLong(((JsonNumber) id).text()));
            } catch (NumberFormatException e) {
                return;
            }
            if (reply == null) {
                return;
            }
            Object error = message.get("error");
            if (error instanceof Map) {
                reply.completeExceptionally(new ChromeException("DevTools error " + JsonWriter.write(error).trim()));
            } else {
                Object result = message.get("result");
                reply.complete(result instanceof Map ? (Map<String, Object>) result : Map.of());
            }
            return;
        }
        Object method = message.get("method");
        if (method instanceof String) {
            Object params = message.get("params");
            String sessionId = (String) message.get("sessionId");
            Map<String, Object> p = params instanceof Map ? (Map<String, Object>) params : Map.of();
            for (CdpEventListener listener : listeners) {
                try {
                    listener.onEvent(sessionId, (String) method, p);
                } catch (RuntimeException ignored) {
                    // one faulty listener must not stop the others or the connection
                }
            }
        }
    }

    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            failAll("Chromium closed the DevTools connection (" + statusCode + " " + reason + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failAll("the DevTools connection failed: " + error);
        }
    }
}
