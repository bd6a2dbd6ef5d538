package dev.socketiwa.quic.frame;

import dev.socketiwa.quic.transport.QuicException;

/**
 * Receives frames as {@link FrameParser} decodes them. Byte ranges point into the decrypted packet buffer and are only
 * valid during the call: copy what must outlive it.
 */
public interface FrameVisitor {
    void onPing() throws QuicException;

    void onAck(AckFrame ack) throws QuicException;

    void onResetStream(long streamId, long errorCode, long finalSize) throws QuicException;

    void onStopSending(long streamId, long errorCode) throws QuicException;

    void onCrypto(long offset, byte[] buf, int off, int len) throws QuicException;

    void onNewToken(byte[] buf, int off, int len) throws QuicException;

    void onStream(long streamId, long offset, byte[] buf, int off, int len, boolean fin) throws QuicException;

    void onMaxData(long max) throws QuicException;

    void onMaxStreamData(long streamId, long max) throws QuicException;

    void onMaxStreams(boolean bidi, long max) throws QuicException;

    void onDataBlocked(long limit) throws QuicException;

    void onStreamDataBlocked(long streamId, long limit) throws QuicException;

    void onStreamsBlocked(boolean bidi, long limit) throws QuicException;

    void onNewConnectionId(long sequence, long retirePriorTo, byte[] buf, int cidOff, int cidLen, int tokenOff)
            throws QuicException;

    void onRetireConnectionId(long sequence) throws QuicException;

    void onPathChallenge(byte[] buf, int off) throws QuicException;

    void onPathResponse(byte[] buf, int off) throws QuicException;

    void onConnectionClose(boolean application, long errorCode, long frameType, byte[] buf, int reasonOff, int reasonLen)
            throws QuicException;

    void onHandshakeDone() throws QuicException;

    void onDatagram(byte[] buf, int off, int len) throws QuicException;
}
