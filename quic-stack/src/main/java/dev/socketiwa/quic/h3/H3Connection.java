package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.h3.qpack.QpackDecoder;
import dev.socketiwa.quic.h3.qpack.QpackEncoder;
import dev.socketiwa.quic.h3.qpack.QpackException;
import dev.socketiwa.quic.h3.qpack.QpackWriter;

import java.util.HashMap;
import java.util.Map;

/**
 * The connection-level HTTP/3 plumbing a client and a server session both own (RFC 9114 §6.2, RFC 9204 §4.2): our
 * control stream with SETTINGS and our QPACK encoder and decoder streams, and the peer's unidirectional streams with
 * their control frames and QPACK instructions. What depends on the role (push streams, GOAWAY's meaning, requests
 * unblocked by QPACK inserts, extension streams) is left to the subclass.
 */
abstract class H3Connection {
    private static final int MAX_CONTROL_FRAME = 16 * 1024;

    final QuicStreams io;
    final QpackDecoder decoder;
    final QpackEncoder encoder = new QpackEncoder();
    final QpackWriter encodeBuffer = new QpackWriter(256);
    final byte[] frameHeader = new byte[16];
    final byte[] scratch = new byte[16384];
    final Map<Long, PeerUniStream> peerUni = new HashMap<>();
    final OwnStream control = new OwnStream(StreamType.CONTROL);
    private final OwnStream qpackEncoder = new OwnStream(StreamType.QPACK_ENCODER);
    private final OwnStream qpackDecoder = new OwnStream(StreamType.QPACK_DECODER);
    /** A client may send MAX_PUSH_ID; a server may not (RFC 9114 §7.2.7). */
    private final boolean peerIsClient;
    private boolean started;
    boolean closed;
    Settings peerSettings;
    private boolean peerControlSeen;
    private boolean peerEncoderSeen;
    private boolean peerDecoderSeen;

    /** One of our unidirectional streams: its ID once opened and the bytes the stream did not take yet. */
    static final class OwnStream {
        final QpackWriter pending = new QpackWriter(64);
        long id = -1;

        OwnStream(long type) {
            pending.writeByte((int) type);
        }
    }

    /** A unidirectional stream the peer opened, read according to its type. */
    static final class PeerUniStream {
        final VarIntReader typeReader = new VarIntReader();
        long type = -1;
        final FrameHeaderReader frame = new FrameHeaderReader();
        boolean inFrame;
        long frameType;
        long remaining;
        byte[] payload;
        int payloadLength;
        boolean settingsSeen;
        boolean discard;
        /** For WebTransport streams: reads the session ID after the type. */
        VarIntReader sessionReader;
    }

    H3Connection(QuicStreams io, Settings local, boolean peerIsClient) {
        this.io = io;
        this.peerIsClient = peerIsClient;
        this.decoder = new QpackDecoder(local.get(Settings.QPACK_MAX_TABLE_CAPACITY, 0),
                (int) Math.min(Integer.MAX_VALUE, local.get(Settings.QPACK_BLOCKED_STREAMS, 0)),
                local.get(Settings.MAX_FIELD_SECTION_SIZE, Long.MAX_VALUE));
        byte[] settings = new byte[local.payloadLength() + 16];
        int n = local.writeFrame(settings, 0);
        control.pending.writeBytes(settings, 0, n);
    }

    QpackDecoder decoder() {
        return decoder;
    }

    QpackEncoder encoder() {
        return encoder;
    }

    QpackWriter encodeBuffer() {
        return encodeBuffer;
    }

    byte[] frameHeaderScratch() {
        return frameHeader;
    }

    // ------------------------------------------------------------------------------------------------ role hooks

    /**
     * A peer unidirectional stream of a type other than control and QPACK: throw for a connection error, true when the
     * subclass reads it ({@link #readExtensionUni}), false to ignore it (RFC 9114 §6.2).
     */
    abstract boolean acceptUniStream(long id, PeerUniStream u) throws H3Exception;

    /** Reads a stream {@link #acceptUniStream} took; false when it is not one of the subclass's. */
    abstract boolean readExtensionUni(long id, PeerUniStream u) throws H3Exception, QpackException;

    /** QPACK inserts arrived while request streams wait for them: let those streams decode again. */
    abstract void retryBlocked() throws H3Exception, QpackException;

    /** Reads a stream that is not one of the connection's own: a request, or one the subclass serves. */
    abstract void readOtherStream(long id) throws H3Exception, QpackException;

    /** Closes the connection with an HTTP/3 error code (a connection error found on a request stream, too). */
    abstract void fail(long errorCode, String reason);

    /** A GOAWAY, CANCEL_PUSH or (from a client) MAX_PUSH_ID frame with its single, well-formed value. */
    abstract void onControlValue(long frameType, long value) throws H3Exception;

    // ------------------------------------------------------------------------------------------------ our streams

    /** Opens our streams on the first event: the peer's SETTINGS may unblock nothing before ours are sent. */
    final void start() {
        if (started) return;
        started = true;
        flushOwnStreams();
    }

    final void flushOwnStreams() {
        if (closed) return;
        QpackWriter instructions = decoder.instructions();
        if (instructions.length() > 0) {
            qpackDecoder.pending.writeBytes(instructions.array(), 0, instructions.length());
            instructions.clear();
        }
        instructions = encoder.instructions();
        if (instructions.length() > 0) {
            qpackEncoder.pending.writeBytes(instructions.array(), 0, instructions.length());
            instructions.clear();
        }
        flush(control);
        flush(qpackEncoder);
        flush(qpackDecoder);
    }

    private void flush(OwnStream s) {
        if (s.id < 0) {
            s.id = io.openUniStream();
            if (s.id < 0) return;
        }
        if (s.pending.length() == 0) return;
        int n = io.write(s.id, s.pending.array(), 0, s.pending.length());
        if (n > 0) s.pending.consume(n);
    }

    /** Our control or QPACK streams, or the peer's: closing any of them is a connection error. */
    final boolean isCriticalStream(long id) {
        if (id == control.id || id == qpackEncoder.id || id == qpackDecoder.id) return true;
        PeerUniStream u = peerUni.get(id);
        return u != null && (u.type == StreamType.CONTROL || u.type == StreamType.QPACK_ENCODER
                || u.type == StreamType.QPACK_DECODER);
    }

    /**
     * A stream has bytes (or its end): requests and extension streams go to the subclass, the peer's unidirectional
     * streams are read here, and what arrives on streams nobody tracks any more (finished or refused) is dropped.
     * Protocol errors close the connection.
     */
    final void readStream(long id) {
        if (closed) return;
        start();
        try {
            readOtherStream(id);
        } catch (H3Exception e) {
            fail(e.errorCode(), e.getMessage());
        } catch (QpackException e) {
            fail(e.errorCode(), e.getMessage());
        }
        flushOwnStreams();
    }

    /** The peer's unidirectional stream with this ID, or else a stream nobody tracks: its bytes are dropped. */
    final void readPeerUniOrDrain(long id) throws H3Exception, QpackException {
        PeerUniStream u = peerUni.get(id);
        if (u != null) readUni(id, u);
        else drain(id);
    }

    /** Drops whatever still arrives on a stream nobody reads. */
    final void drain(long id) {
        while (io.read(id, scratch, 0, scratch.length) > 0) {
            // discarded
        }
    }

    // ------------------------------------------------------------------------------------------------ peer streams

    private void readUni(long id, PeerUniStream u) throws H3Exception, QpackException {
        if (u.type < 0) {
            int r = u.typeReader.read(io, id);
            if (r == VarIntReader.MORE) return;
            if (r == VarIntReader.END) {
                peerUni.remove(id);
                return;
            }
            u.type = u.typeReader.value;
            if (u.type == StreamType.CONTROL) {
                if (peerControlSeen) throw new H3Exception(H3Error.STREAM_CREATION_ERROR, "second control stream");
                peerControlSeen = true;
            } else if (u.type == StreamType.QPACK_ENCODER) {
                if (peerEncoderSeen) throw new H3Exception(H3Error.STREAM_CREATION_ERROR, "second QPACK encoder stream");
                peerEncoderSeen = true;
            } else if (u.type == StreamType.QPACK_DECODER) {
                if (peerDecoderSeen) throw new H3Exception(H3Error.STREAM_CREATION_ERROR, "second QPACK decoder stream");
                peerDecoderSeen = true;
            } else if (!acceptUniStream(id, u)) {
                // unknown (or not served) stream types are ignored (RFC 9114 §6.2)
                io.stopSending(id, H3Error.STREAM_CREATION_ERROR);
                u.discard = true;
            }
        }
        if (readExtensionUni(id, u)) return;
        if (u.type == StreamType.CONTROL) {
            readControl(id, u);
        } else if (u.type == StreamType.QPACK_ENCODER || u.type == StreamType.QPACK_DECODER) {
            readQpack(id, u);
        } else {
            drain(id);
        }
    }

    private void readQpack(long id, PeerUniStream u) throws H3Exception, QpackException {
        boolean inserted = false;
        while (true) {
            int n = io.read(id, scratch, 0, scratch.length);
            if (n == 0) break;
            if (n < 0) throw new H3Exception(H3Error.CLOSED_CRITICAL_STREAM, "QPACK stream " + id + " closed");
            if (u.type == StreamType.QPACK_ENCODER) {
                decoder.onEncoderStream(scratch, 0, n);
                inserted = true;
            } else {
                encoder.onDecoderStream(scratch, 0, n);
            }
        }
        if (inserted && decoder.blockedStreams() > 0) retryBlocked();
    }

    private void readControl(long id, PeerUniStream u) throws H3Exception {
        while (true) {
            if (!u.inFrame) {
                int r = u.frame.read(io, id);
                if (r == VarIntReader.MORE) return;
                if (r == VarIntReader.END) throw new H3Exception(H3Error.CLOSED_CRITICAL_STREAM, "control stream closed");
                startControlFrame(u);
            }
            if (u.payload == null) {
                while (u.remaining > 0) {
                    int n = io.read(id, scratch, 0, (int) Math.min(scratch.length, u.remaining));
                    if (n == 0) return;
                    if (n < 0) throw new H3Exception(H3Error.CLOSED_CRITICAL_STREAM, "control stream closed");
                    u.remaining -= n;
                }
            } else {
                while (u.remaining > 0) {
                    int n = io.read(id, u.payload, u.payloadLength, (int) u.remaining);
                    if (n == 0) return;
                    if (n < 0) throw new H3Exception(H3Error.CLOSED_CRITICAL_STREAM, "control stream closed");
                    u.payloadLength += n;
                    u.remaining -= n;
                }
                controlFrame(u);
            }
            u.inFrame = false;
        }
    }

    private void startControlFrame(PeerUniStream u) throws H3Exception {
        long t = u.frame.type;
        if (!u.settingsSeen && t != FrameType.SETTINGS) {
            throw new H3Exception(H3Error.MISSING_SETTINGS, "first control frame is not SETTINGS");
        }
        if (t == FrameType.DATA || t == FrameType.HEADERS || t == FrameType.PUSH_PROMISE
                || (t == FrameType.MAX_PUSH_ID && !peerIsClient)
                || FrameType.isReservedHttp2(t) || (t == FrameType.SETTINGS && u.settingsSeen)) {
            throw new H3Exception(H3Error.FRAME_UNEXPECTED, "frame type 0x" + Long.toHexString(t) + " on the control stream");
        }
        u.inFrame = true;
        u.frameType = t;
        u.remaining = u.frame.length;
        boolean known = t == FrameType.SETTINGS || t == FrameType.GOAWAY || t == FrameType.MAX_PUSH_ID
                || t == FrameType.CANCEL_PUSH;
        if (known) {
            if (u.frame.length > MAX_CONTROL_FRAME) {
                throw new H3Exception(H3Error.EXCESSIVE_LOAD, "control frame of " + u.frame.length + " bytes");
            }
            u.payload = new byte[(int) u.frame.length];
            u.payloadLength = 0;
        } else {
            u.payload = null;
        }
    }

    private void controlFrame(PeerUniStream u) throws H3Exception {
        byte[] p = u.payload;
        int len = u.payloadLength;
        u.payload = null;
        if (u.frameType == FrameType.SETTINGS) {
            u.settingsSeen = true;
            peerSettings = Settings.parse(p, 0, len);
            encoder.setPeerMaxTableCapacity(peerSettings.get(Settings.QPACK_MAX_TABLE_CAPACITY, 0));
            return;
        }
        if (len == 0) throw new H3Exception(H3Error.FRAME_ERROR, "empty frame 0x" + Long.toHexString(u.frameType));
        long value = VarInts.read(p, 0, len);
        if (VarInts.lengthAt(p, 0) != len) {
            throw new H3Exception(H3Error.FRAME_ERROR, "extra bytes in frame 0x" + Long.toHexString(u.frameType));
        }
        onControlValue(u.frameType, value);
    }
}
