package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.crypto.EncryptionLevel;
import dev.socketiwa.quic.crypto.PacketProtection;

import java.util.ArrayDeque;

/** Per packet-number-space state (RFC 9000 §12.3): keys, packet numbers, ACK state, sent packets, CRYPTO streams. */
final class PacketSpace {
    final EncryptionLevel level;
    PacketProtection readKeys;
    PacketProtection writeKeys;
    boolean discarded;

    long nextPn;
    long largestAcked = -1;

    /** Received packet numbers still worth acknowledging. */
    final RangeSet received = new RangeSet(64);
    long largestReceived = -1;
    long largestReceivedTime;
    /** An ack-eliciting packet arrived that we have not acknowledged yet. */
    boolean ackElicitingPending;
    /** Something new arrived since our last ACK (even if not ack-eliciting: ACK it when sending anyway). */
    boolean ackNew;
    int ackElicitingSinceAck;
    long ackDeadline = Long.MAX_VALUE;

    /** Sent packets in packet-number order, not yet acknowledged or declared lost. */
    final ArrayDeque<SentPacket> sent = new ArrayDeque<>();
    long lastAckElicitingSent = -1;
    long lossTime = Long.MAX_VALUE;
    int ackElicitingInFlight;
    /** Probe packets to send after a PTO fired (RFC 9002 §6.2.4). */
    int probes;

    final SendBuffer cryptoSend;
    final ReceiveBuffer cryptoReceive = new ReceiveBuffer(1024);

    PacketSpace(EncryptionLevel level) {
        this.level = level;
        this.cryptoSend = new SendBuffer(1024, Integer.MAX_VALUE / 2);
    }

    /** Everything we would put in a packet right now, before congestion control is considered. */
    boolean hasCryptoToSend() {
        return cryptoSend.hasRetransmission() || cryptoSend.newBytes() > 0;
    }

    boolean ackDue(long now) {
        return ackElicitingPending && ackDeadline <= now;
    }
}
