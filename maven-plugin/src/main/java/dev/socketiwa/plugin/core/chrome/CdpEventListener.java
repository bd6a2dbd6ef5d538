package dev.socketiwa.plugin.core.chrome;

import java.util.Map;

/** Receives DevTools protocol events; called on the WebSocket's thread, so it must not block. */
@FunctionalInterface
public interface CdpEventListener {
    /** @param sessionId the flat session the event belongs to, or null for the browser connection itself */
    void onEvent(String sessionId, String method, Map<String, Object> params);
}
