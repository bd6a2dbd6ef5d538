package dev.socketiwa.quic.h3.webtransport;

import dev.socketiwa.quic.h3.H3Error;
import dev.socketiwa.quic.h3.H3Exception;

/**
 * Splits the data stream of a request (the DATA frame payloads of an extended CONNECT) into capsules (RFC 9297 §3.2),
 * across as many calls as the bytes take to arrive. Capsules the session understands are buffered whole and handed
 * over; unknown types (grease included) are skipped without buffering. A malformed known capsule is H3_MESSAGE_ERROR.
 */
final class CapsuleParser {
    /** Largest DATAGRAM capsule kept; larger ones are dropped like an oversize datagram. */
    static final int MAX_DATAGRAM_CAPSULE = 65535;

    interface Sink {
        void onCapsule(long type, byte[] payload, int length) throws H3Exception;
    }

    private final byte[] varint = new byte[8];
    private int have;
    private boolean haveType;
    private boolean inPayload;
    private long type;
    private long remaining;
    private boolean keep;
    private byte[] payload = new byte[64];
    private int payloadLength;

    /** True when no capsule is half read (a stream may end here cleanly). */
    boolean atBoundary() {
        return have == 0 && !haveType && !inPayload;
    }

    void feed(byte[] b, int off, int len, Sink sink) throws H3Exception {
        int pos = off;
        int end = off + len;
        while (pos < end) {
            if (!inPayload) {
                varint[have++] = b[pos++];
                int need = 1 << ((varint[0] & 0xff) >>> 6);
                if (have < need) continue;
                long v = varint[0] & 0x3f;
                for (int i = 1; i < need; i++) v = (v << 8) | (varint[i] & 0xff);
                have = 0;
                if (!haveType) {
                    type = v;
                    haveType = true;
                    continue;
                }
                haveType = false;
                startPayload(v);
                if (remaining == 0) finishPayload(sink);
                continue;
            }
            int n = (int) Math.min(end - pos, remaining);
            if (keep) {
                System.arraycopy(b, pos, payload, payloadLength, n);
                payloadLength += n;
            }
            pos += n;
            remaining -= n;
            if (remaining == 0) finishPayload(sink);
        }
    }

    private void startPayload(long length) throws H3Exception {
        if (type == Capsules.CLOSE_WEBTRANSPORT_SESSION) {
            if (length < 4 || length > 4 + Capsules.MAX_CLOSE_REASON) {
                throw new H3Exception(H3Error.MESSAGE_ERROR, "CLOSE_WEBTRANSPORT_SESSION of " + length + " bytes");
            }
            keep = true;
        } else if (type == Capsules.DATAGRAM) {
            keep = length <= MAX_DATAGRAM_CAPSULE;
        } else {
            keep = false; // DRAIN carries nothing that matters; unknown capsules are skipped
        }
        remaining = length;
        payloadLength = 0;
        if (keep && length > payload.length) payload = new byte[(int) length];
        inPayload = true;
    }

    private void finishPayload(Sink sink) throws H3Exception {
        inPayload = false;
        boolean known = type == Capsules.CLOSE_WEBTRANSPORT_SESSION || type == Capsules.DRAIN_WEBTRANSPORT_SESSION
                || (type == Capsules.DATAGRAM && keep);
        if (known) sink.onCapsule(type, payload, payloadLength);
    }
}
