package dev.socketiwa.quic.transport;

/** One stream's state: the send half, the receive half, or both (RFC 9000 §2, §3). */
final class Stream {
    final long id;
    /** Null when we cannot send on this stream (the peer's unidirectional stream). */
    final SendBuffer send;
    /** Null when we cannot receive on it (our unidirectional stream). */
    final ReceiveBuffer recv;

    // send half
    long peerMaxData;
    long blockedSentAt = -1;
    boolean resetPending;
    boolean resetSent;
    boolean resetAcked;
    long resetCode;
    long resetFinalSize;
    boolean writableSignaled;

    // receive half
    long localMaxData;
    long window;
    long lastWindowUpdate = Long.MIN_VALUE;
    boolean maxDataPending;
    boolean resetReceived;
    boolean stopSendingPending;
    long stopCode;
    boolean readableSignaled;
    /** Opened by a 0-RTT packet (possibly a replay). */
    boolean early;
    boolean finRead;

    Stream(long id, SendBuffer send, ReceiveBuffer recv) {
        this.id = id;
        this.send = send;
        this.recv = recv;
    }

    boolean bidi() {
        return (id & 2) == 0;
    }

    boolean sendDone() {
        return send == null || resetAcked || (!resetSent && !resetPending && send.allAcked() && send.finWanted);
    }

    boolean recvDone() {
        return recv == null || finRead || resetReceived;
    }

    /** Whether this stream has frames to send now (flow control aside). */
    boolean wantsToSend() {
        if (send != null && !resetSent && !resetPending) {
            if (send.hasRetransmission() || send.newBytes() > 0 || send.hasNewFin()) return true;
        }
        return resetPending || maxDataPending || stopSendingPending;
    }
}
