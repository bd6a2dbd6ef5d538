package dev.socketiwa.quic.tls;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.EncryptionLevel;

/**
 * What client and server share: per-level message assembly, the transcript, and the rule that a failed engine stays
 * failed and that nothing but {@link TlsAlertException} leaves {@link #receive}.
 */
abstract class AbstractTlsEngine implements TlsEngine {
    final CryptoProvider crypto;
    final TlsListener listener;
    final Transcript transcript = new Transcript();
    private final MessageAssembler[] assemblers = new MessageAssembler[EncryptionLevel.values().length];
    private TlsAlertException failure;
    boolean complete;
    boolean resumed;
    String alpn;
    byte[] peerTransportParameters;
    CipherSuite suite;
    KeySchedule keys;

    AbstractTlsEngine(CryptoProvider crypto, TlsListener listener) {
        if (crypto == null || listener == null) {
            throw new IllegalArgumentException("a TLS engine needs a CryptoProvider and a TlsListener");
        }
        this.crypto = crypto;
        this.listener = listener;
        for (int i = 0; i < assemblers.length; i++) {
            assemblers[i] = new MessageAssembler();
        }
    }

    @Override
    public final void receive(EncryptionLevel level, byte[] data, int off, int len) throws TlsAlertException {
        if (failure != null) {
            throw failure;
        }
        try {
            if (level == null || level == EncryptionLevel.EARLY_DATA) {
                throw new TlsAlertException(Alert.UNEXPECTED_MESSAGE, "no handshake data at level " + level);
            }
            MessageAssembler asm = assemblers[level.ordinal()];
            asm.append(data, off, len);
            HandshakeMessage m;
            while (failure == null && (m = asm.next()) != null) {
                handle(level, m);
            }
        } catch (TlsAlertException e) {
            failure = e;
            throw e;
        } catch (RuntimeException e) {
            // A bug, not the peer's fault; still only an alert may leave the engine.
            failure = new TlsAlertException(Alert.INTERNAL_ERROR, "internal error: " + e);
            throw failure;
        }
    }

    abstract void handle(EncryptionLevel level, HandshakeMessage m) throws TlsAlertException;

    /** A key change must not split a message (RFC 8446 §5.1): nothing may remain buffered at the old level. */
    void requireNoBufferedData(EncryptionLevel level) throws TlsAlertException {
        if (assemblers[level.ordinal()].buffered() != 0) {
            throw new TlsAlertException(Alert.UNEXPECTED_MESSAGE, "handshake data after the last message at " + level);
        }
    }

    static TlsAlertException unexpected(HandshakeMessage m, EncryptionLevel level, String state) {
        return new TlsAlertException(Alert.UNEXPECTED_MESSAGE,
                "handshake message type " + m.type() + " at " + level + " while " + state);
    }

    @Override
    public final boolean isHandshakeComplete() {
        return complete;
    }

    @Override
    public final boolean isResumed() {
        return resumed;
    }

    @Override
    public final String negotiatedAlpn() {
        return alpn;
    }

    @Override
    public final byte[] peerTransportParameters() {
        return peerTransportParameters == null ? null : peerTransportParameters.clone();
    }

    /** The negotiated cipher suite, null before the hello exchange. */
    public final CipherSuite cipherSuite() {
        return suite;
    }

    int hashLength() {
        return suite.hashLength();
    }

    byte[] transcriptHash() {
        return transcript.hash(crypto, suite.hashLength());
    }
}
