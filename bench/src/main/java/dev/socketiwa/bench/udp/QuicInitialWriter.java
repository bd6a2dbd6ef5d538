package dev.socketiwa.bench.udp;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Writes datagrams that look like a client's first QUIC v1 Initial (RFC 9000 section 17.2.2): long header, version 1,
 * random DCID (8..20 bytes) and SCID (0..20), empty token, a Length that exactly covers the rest, padded to 1200 bytes.
 *
 * <p>They are syntactically valid but NOT cryptographically valid yet: the payload is whatever random bytes the buffer
 * holds, with no AEAD protection and no header protection, so a real QUIC server derives Initial keys, fails to
 * decrypt and drops them. When the QUIC engine lands, chaos mode should send real Initials (ClientHello) built with it.
 *
 * <p>Also writes the malformed variants chaos mode mixes in. Only header bytes are written; the caller's buffer keeps
 * random filler for the rest, so nothing is allocated per datagram.
 */
public final class QuicInitialWriter {
    /** Client Initials must be carried in datagrams of at least 1200 bytes (RFC 9000 section 14.1). */
    public static final int MIN_INITIAL_DATAGRAM = 1200;
    public static final int VERSION_1 = 0x00000001;

    /** The malformed shapes; each is something a QUIC server must reject or drop without failing. */
    public enum Malformed {
        /** Random bytes with a random first byte and any size. */
        GARBAGE,
        /** An Initial whose Length field claims more bytes than the datagram holds. */
        LENGTH_OVERRUN,
        /** A long header with a connection ID length over 20, which QUIC v1 forbids. */
        CID_TOO_LONG,
        /** An Initial with the fixed bit clear (RFC 9000 section 17.2: such packets are discarded). */
        FIXED_BIT_CLEAR,
        /** A well-formed Initial in a datagram under 1200 bytes, which servers must drop. */
        UNDERSIZED_INITIAL,
        /** A long header with a reserved version of the 0x?a?a?a?a form, which asks for version negotiation. */
        UNKNOWN_VERSION
    }

    private QuicInitialWriter() {
    }

    /** Writes a valid-looking Initial header into {@code buf} for a datagram of {@code length}; returns the length. */
    public static int writeInitial(ByteBuffer buf, int length, SplittableRandom rnd) {
        int pnLength = 1 + rnd.nextInt(4);
        int at = 0;
        buf.put(at++, (byte) (0xC0 | (pnLength - 1))); // long header, fixed bit, type Initial (00), reserved bits 0
        buf.putInt(at, VERSION_1);
        at += 4;
        at = writeCid(buf, at, 8 + rnd.nextInt(13), rnd);
        at = writeCid(buf, at, rnd.nextInt(21), rnd);
        buf.put(at++, (byte) 0); // token length 0: a first Initial carries no token
        int remaining = length - at - 2; // 2-byte varint Length covers packet number and payload
        buf.putShort(at, (short) (0x4000 | remaining));
        at += 2;
        for (int i = 0; i < pnLength; i++) {
            buf.put(at++, (byte) (i == pnLength - 1 ? rnd.nextInt(256) : 0));
        }
        return length;
    }

    /**
     * Writes one malformed variant for a datagram of at most {@code maxLength} bytes and at least {@code minLength};
     * returns the datagram length actually used.
     */
    public static int writeMalformed(ByteBuffer buf, Malformed kind, int minLength, int maxLength, SplittableRandom rnd) {
        switch (kind) {
            case GARBAGE: {
                int length = minLength + rnd.nextInt(maxLength - minLength + 1);
                for (int i = 0; i < 16; i++) {
                    buf.put(i, (byte) rnd.nextInt(256));
                }
                return length;
            }
            case LENGTH_OVERRUN: {
                int length = writeInitial(buf, MIN_INITIAL_DATAGRAM, rnd);
                int lengthAt = lengthFieldOffset(buf);
                buf.putShort(lengthAt, (short) (0x4000 | (MIN_INITIAL_DATAGRAM + 1 + rnd.nextInt(8000))));
                return length;
            }
            case CID_TOO_LONG: {
                int length = writeInitial(buf, MIN_INITIAL_DATAGRAM, rnd);
                buf.put(5, (byte) (21 + rnd.nextInt(235)));
                return length;
            }
            case FIXED_BIT_CLEAR: {
                int length = writeInitial(buf, MIN_INITIAL_DATAGRAM, rnd);
                buf.put(0, (byte) (buf.get(0) & ~0x40));
                return length;
            }
            case UNDERSIZED_INITIAL: {
                int floor = Math.max(minLength, 64 + ProbeTrailer.SIZE); // room for the longest header
                return writeInitial(buf, floor + rnd.nextInt(MIN_INITIAL_DATAGRAM - floor), rnd);
            }
            case UNKNOWN_VERSION: {
                int length = writeInitial(buf, MIN_INITIAL_DATAGRAM, rnd);
                int nibble = rnd.nextInt(16);
                int pattern = (nibble << 4) | 0x0a;
                buf.putInt(1, pattern << 24 | pattern << 16 | pattern << 8 | pattern);
                return length;
            }
            default:
                throw new AssertionError(kind);
        }
    }

    /** Offset of the 2-byte Length field in a header this class wrote. */
    static int lengthFieldOffset(ByteBuffer buf) {
        int dcidLength = buf.get(5) & 0xFF;
        int scidAt = 6 + dcidLength;
        int scidLength = buf.get(scidAt) & 0xFF;
        return scidAt + 1 + scidLength + 1; // + token length byte (0)
    }

    private static int writeCid(ByteBuffer buf, int at, int length, SplittableRandom rnd) {
        buf.put(at++, (byte) length);
        for (int i = 0; i < length; i++) {
            buf.put(at++, (byte) rnd.nextInt(256));
        }
        return at;
    }
}
