package dev.socketiwa.runtime.h3;

import dev.socketiwa.quic.h3.H3Exchange;
import dev.socketiwa.quic.h3.H3RequestHandler;
import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.webtransport.WebTransportHandler;
import dev.socketiwa.quic.h3.webtransport.WebTransportSessions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an HTTP/3 app serves, declared once and used the same on the JVM and in the browser:
 * <pre>
 * Routes routes = Routes.builder()
 *         .get("/", page)
 *         .post("/echo", echo)
 *         .prefix("/bytes/", bytes)
 *         .webTransport("/wt", wtHandler)
 *         .build();
 * new Http3Handler(routes);
 * </pre>
 * Paths match without their query. An exact path beats a prefix, a longer prefix beats a shorter one. A path served
 * for other methods answers 405 with {@code allow}; an unknown path 404; a plain CONNECT (a proxy request) 501.
 * Extended CONNECT (RFC 9220) goes to the route declared for its {@code :protocol} and path: {@link
 * Builder#webTransport} for WebTransport, and {@link Builder#connect} as the hook for any other protocol (WebSocket
 * over HTTP/3 plugs in there).
 */
public final class Routes implements H3RequestHandler {
    private final Map<String, Map<String, H3RequestHandler>> exact;
    private final List<Prefix> prefixes;
    private final Map<String, H3RequestHandler> connects;
    private final H3RequestHandler notFound;
    private final boolean webTransport;

    private record Prefix(String prefix, H3RequestHandler handler) {
    }

    private Routes(Builder b) {
        exact = new LinkedHashMap<>(b.exact);
        prefixes = new ArrayList<>(b.prefixes);
        prefixes.sort((x, y) -> y.prefix.length() - x.prefix.length());
        connects = new LinkedHashMap<>(b.connects);
        notFound = b.notFound;
        webTransport = b.webTransport;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether any route serves WebTransport (the HTTP/3 SETTINGS then offer it). */
    public boolean servesWebTransport() {
        return webTransport;
    }

    @Override
    public void onRequest(H3Exchange x) {
        String path = x.path();
        String protocol = x.protocol();
        if (protocol != null) {
            H3RequestHandler h = connects.get(connectKey(protocol, withoutQuery(path)));
            if (h != null) h.onRequest(x);
            else Responses.text(x, 404, "no " + protocol + " endpoint at " + withoutQuery(path) + "\n");
            return;
        }
        if (path == null) {
            Responses.text(x, 501, "CONNECT (proxying) is not served here\n");
            return;
        }
        String p = withoutQuery(path);
        Map<String, H3RequestHandler> byMethod = exact.get(p);
        if (byMethod != null) {
            H3RequestHandler h = byMethod.get(x.method());
            if (h == null && x.method().equals("HEAD")) h = byMethod.get("GET");
            if (h != null) {
                h.onRequest(x);
            } else {
                byte[] body = ("use " + String.join(", ", byMethod.keySet()) + " for " + p + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                x.respond(405, List.of(new HeaderField("allow", String.join(", ", byMethod.keySet())),
                        new HeaderField("content-type", "text/plain; charset=utf-8"),
                        new HeaderField("content-length", Integer.toString(body.length))));
                Responses.sendBody(x, body);
            }
            return;
        }
        for (int i = 0; i < prefixes.size(); i++) {
            if (p.startsWith(prefixes.get(i).prefix)) {
                prefixes.get(i).handler.onRequest(x);
                return;
            }
        }
        notFound.onRequest(x);
    }

    private static String withoutQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static String connectKey(String protocol, String path) {
        return protocol + " " + path;
    }

    /** Declares routes; each method returns the builder. */
    public static final class Builder {
        private final Map<String, Map<String, H3RequestHandler>> exact = new LinkedHashMap<>();
        private final List<Prefix> prefixes = new ArrayList<>();
        private final Map<String, H3RequestHandler> connects = new LinkedHashMap<>();
        private H3RequestHandler notFound = x -> Responses.text(x, 404, "not found\n");
        private boolean webTransport;

        private Builder() {
        }

        /** GET (and HEAD, unless declared on its own) of exactly this path. */
        public Builder get(String path, H3RequestHandler handler) {
            return route("GET", path, handler);
        }

        public Builder post(String path, H3RequestHandler handler) {
            return route("POST", path, handler);
        }

        public Builder put(String path, H3RequestHandler handler) {
            return route("PUT", path, handler);
        }

        public Builder delete(String path, H3RequestHandler handler) {
            return route("DELETE", path, handler);
        }

        /** Any method on exactly this path (starting with /). */
        public Builder route(String method, String path, H3RequestHandler handler) {
            checkPath(path);
            if (method == null || method.isEmpty() || method.equals("CONNECT")) {
                throw new IllegalArgumentException("route(" + method + ", " + path + "): give an HTTP method such as"
                        + " GET or POST; extended CONNECT goes through webTransport(...) or connect(...)");
            }
            Map<String, H3RequestHandler> byMethod = exact.computeIfAbsent(path, k -> new LinkedHashMap<>());
            if (byMethod.put(method, handler) != null) {
                throw new IllegalArgumentException(method + " " + path + " is declared twice");
            }
            return this;
        }

        /** Every method on paths starting with this prefix (the handler checks the method). */
        public Builder prefix(String pathPrefix, H3RequestHandler handler) {
            checkPath(pathPrefix);
            for (Prefix p : prefixes) {
                if (p.prefix.equals(pathPrefix)) throw new IllegalArgumentException("prefix " + pathPrefix + " is declared twice");
            }
            prefixes.add(new Prefix(pathPrefix, handler));
            return this;
        }

        /** WebTransport sessions at this path: each accepted session's events go to the handler. */
        public Builder webTransport(String path, WebTransportHandler handler) {
            if (handler == null) throw new IllegalArgumentException("webTransport(" + path + ", null): give a handler");
            webTransport = true;
            return connect("webtransport", path, x -> {
                WebTransportSessions sessions = x.session().webTransport();
                if (sessions == null) {
                    Responses.text(x, 501, "WebTransport is not enabled in this server's HTTP/3 SETTINGS\n");
                } else {
                    sessions.accept(x, handler);
                }
            });
        }

        /** WebSocket over HTTP/3 (RFC 9220) at this path: each accepted WebSocket's events go to the handler. */
        public Builder webSocket(String path, dev.socketiwa.runtime.websocket.WebSocketHandler handler) {
            if (handler == null) throw new IllegalArgumentException("webSocket(" + path + ", null): give a handler");
            return connect(dev.socketiwa.runtime.websocket.WebSockets.PROTOCOL, path,
                    x -> dev.socketiwa.runtime.websocket.WebSockets.accept(x, handler));
        }

        /**
         * The hook for extended CONNECT protocols (RFC 9220) other than WebTransport, e.g. {@code websocket}: the
         * handler gets the CONNECT exchange and answers it (200 then the protocol's bytes on the stream, or an error).
         */
        public Builder connect(String protocol, String path, H3RequestHandler handler) {
            checkPath(path);
            if (protocol == null || protocol.isEmpty()) throw new IllegalArgumentException("connect(): give the :protocol");
            if (connects.put(connectKey(protocol, path), handler) != null) {
                throw new IllegalArgumentException(protocol + " at " + path + " is declared twice");
            }
            return this;
        }

        /** What answers requests no route matches (by default a plain-text 404). */
        public Builder notFound(H3RequestHandler handler) {
            notFound = handler;
            return this;
        }

        public Routes build() {
            return new Routes(this);
        }

        private static void checkPath(String path) {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("route path " + path + " must start with /");
            }
        }
    }
}
