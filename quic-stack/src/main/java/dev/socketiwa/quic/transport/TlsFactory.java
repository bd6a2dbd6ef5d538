package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.tls.TlsEngine;
import dev.socketiwa.quic.tls.TlsListener;

/**
 * Creates the TLS engine of one connection. A client factory starts the handshake before returning (TlsClient.start()
 * emits the ClientHello through the listener, which the connection is ready for).
 */
public interface TlsFactory {
    TlsEngine create(TlsListener listener, byte[] localTransportParameters);
}
