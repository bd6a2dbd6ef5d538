package dev.socketiwa.quic.h3;

/** What an application does with HTTP/3 requests; called on the connection's single thread. */
public interface H3RequestHandler {
    /**
     * A request's headers arrived. Answer now or later through the exchange; set a listener to hear about body bytes
     * and send-buffer space.
     */
    void onRequest(H3Exchange exchange);
}
