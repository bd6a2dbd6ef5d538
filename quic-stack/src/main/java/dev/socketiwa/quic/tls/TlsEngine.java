package dev.socketiwa.quic.tls;

import dev.socketiwa.quic.crypto.EncryptionLevel;

/** What the transport calls. One per connection. Never throws anything but TlsAlertException. */
public interface TlsEngine {
    void receive(EncryptionLevel level, byte[] data, int off, int len) throws TlsAlertException;

    boolean isHandshakeComplete();

    String negotiatedAlpn();

    byte[] peerTransportParameters();
}
