package dev.socketiwa.bench.jmh;

import dev.socketiwa.quic.frame.AckFrame;
import dev.socketiwa.quic.frame.FrameVisitor;

/** Keeps what the parser delivered in fields (so the work cannot be optimised away) and lets benchmarks check it. */
final class CountingFrameVisitor implements FrameVisitor {
    long frames;
    long streamBytes;
    long lastStreamOffset;
    long ackLargest;
    int ackRanges;

    @Override public void onPing() { frames++; }

    @Override public void onAck(AckFrame ack) {
        frames++;
        ackLargest = ack.largest;
        ackRanges = ack.rangeCount();
    }

    @Override public void onResetStream(long streamId, long errorCode, long finalSize) { frames++; }

    @Override public void onStopSending(long streamId, long errorCode) { frames++; }

    @Override public void onCrypto(long offset, byte[] buf, int off, int len) { frames++; }

    @Override public void onNewToken(byte[] buf, int off, int len) { frames++; }

    @Override public void onStream(long streamId, long offset, byte[] buf, int off, int len, boolean fin) {
        frames++;
        streamBytes += len;
        lastStreamOffset = offset;
    }

    @Override public void onMaxData(long max) { frames++; }

    @Override public void onMaxStreamData(long streamId, long max) { frames++; }

    @Override public void onMaxStreams(boolean bidi, long max) { frames++; }

    @Override public void onDataBlocked(long limit) { frames++; }

    @Override public void onStreamDataBlocked(long streamId, long limit) { frames++; }

    @Override public void onStreamsBlocked(boolean bidi, long limit) { frames++; }

    @Override public void onNewConnectionId(long sequence, long retirePriorTo, byte[] buf, int cidOff, int cidLen,
                                            int tokenOff) { frames++; }

    @Override public void onRetireConnectionId(long sequence) { frames++; }

    @Override public void onPathChallenge(byte[] buf, int off) { frames++; }

    @Override public void onPathResponse(byte[] buf, int off) { frames++; }

    @Override public void onConnectionClose(boolean application, long errorCode, long frameType, byte[] buf,
                                            int reasonOff, int reasonLen) { frames++; }

    @Override public void onHandshakeDone() { frames++; }

    @Override public void onDatagram(byte[] buf, int off, int len) { frames++; }
}
