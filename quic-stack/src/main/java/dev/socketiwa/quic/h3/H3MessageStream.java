package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.h3.qpack.FieldSectionTooLargeException;
import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.qpack.QpackException;
import dev.socketiwa.quic.h3.qpack.QpackWriter;
import dev.socketiwa.quic.packet.VarInt;

import java.util.List;

/**
 * The HTTP/3 message framing a request stream has at both ends (RFC 9114 §4.1): the incoming message's HEADERS
 * (buffered until QPACK can decode them) and DATA frames, read straight into the caller's buffer, and the outgoing
 * message's HEADERS and DATA frames. What the fields mean (request or response) is left to the subclass.
 */
abstract class H3MessageStream {
    private static final int MAX_HEADERS_FRAME = 64 * 1024;
    private static final int MAX_DATA_FRAME = 1 << 20;

    private final H3Connection connection;
    final QuicStreams io;
    final long streamId;
    private final byte[] scratch;
    final FrameHeaderReader frame = new FrameHeaderReader();
    boolean inFrame;
    long frameType;
    private long frameRemaining;
    private byte[] block;
    private int blockLength;
    boolean blocked;
    private long bodyReceived;
    long contentLength = -1;
    boolean aborted;

    final QpackWriter out = new QpackWriter(64);
    long outFrameRemaining;
    /** Set once a QUIC write returned -1: the stream takes no more of our bytes. */
    private boolean sendGone;

    H3MessageStream(H3Connection connection, QuicStreams io, long streamId, byte[] scratch) {
        this.connection = connection;
        this.io = io;
        this.streamId = streamId;
        this.scratch = scratch;
    }

    // ------------------------------------------------------------------------------------------------ role hooks

    /** Frame types this end refuses on a request stream beyond those no request stream carries. */
    abstract void checkFrameType(long type) throws H3Exception;

    /** Decodes the buffered HEADERS block (the message's head, or its trailers); false while blocked or failed. */
    abstract boolean decodeBlock(boolean trailerSection) throws QpackException;

    abstract boolean trailersReceived();

    /** The incoming message ended cleanly (and its length matched content-length). */
    abstract void onMessageEnd();

    /** A stream error: the exchange ends with this code. */
    abstract void streamError(long code, String why);

    /** A QUIC write returned -1: our sending direction was stopped by the peer. */
    abstract void sendSideGone();

    /** Cancels the exchange in both directions with this stream error code. */
    abstract void abort(long errorCode);

    // ------------------------------------------------------------------------------------------------ reading

    final void startFrame() throws H3Exception {
        long t = frame.type;
        checkFrameType(t);
        if (t == FrameType.CANCEL_PUSH || t == FrameType.SETTINGS || t == FrameType.GOAWAY || t == FrameType.MAX_PUSH_ID
                || FrameType.isReservedHttp2(t)) {
            throw unexpected(t);
        }
        frameType = t;
        frameRemaining = frame.length;
        inFrame = true;
        if (t == FrameType.HEADERS) {
            if (frame.length > MAX_HEADERS_FRAME) {
                throw new H3Exception(H3Error.EXCESSIVE_LOAD, "HEADERS frame of " + frame.length + " bytes");
            }
            if (block == null || block.length < frame.length) block = new byte[(int) frame.length];
            blockLength = 0;
        }
    }

    static H3Exception unexpected(long type) {
        return new H3Exception(H3Error.FRAME_UNEXPECTED, "frame type 0x" + Long.toHexString(type) + " on a request stream");
    }

    /** Buffers the rest of the open HEADERS frame; false while bytes are missing. */
    final boolean fillBlock() throws H3Exception {
        while (frameRemaining > 0) {
            int n = io.read(streamId, block, blockLength, (int) frameRemaining);
            if (n == 0) return false;
            if (n < 0) throw new H3Exception(H3Error.FRAME_ERROR, "stream " + streamId + " ends inside HEADERS");
            blockLength += n;
            frameRemaining -= n;
        }
        return true;
    }

    /** Skips the rest of a frame nobody reads; false while bytes are missing. */
    final boolean skip() throws H3Exception {
        while (frameRemaining > 0) {
            int n = io.read(streamId, scratch, 0, (int) Math.min(scratch.length, frameRemaining));
            if (n == 0) return false;
            if (n < 0) throw new H3Exception(H3Error.FRAME_ERROR, "stream " + streamId + " ends inside a frame");
            frameRemaining -= n;
        }
        inFrame = false;
        return true;
    }

    /** The buffered HEADERS block's fields; null while it waits for QPACK inserts or when it failed (stream error). */
    final List<HeaderField> decodeBuffered() throws QpackException {
        List<HeaderField> fields;
        try {
            fields = connection.decoder().decode(streamId, block, 0, blockLength);
        } catch (FieldSectionTooLargeException e) {
            streamError(H3Error.MESSAGE_ERROR, e.getMessage());
            return null;
        }
        blocked = fields == null;
        if (blocked) return null;
        inFrame = false;
        return fields;
    }

    /** Body bytes after the head: the count, 0 when none are ready, -1 at the end or when the exchange failed. */
    final int readBodyOrFail(byte[] b, int off, int len) {
        try {
            return readBody(b, off, len);
        } catch (H3Exception e) {
            connection.fail(e.errorCode(), e.getMessage());
        } catch (QpackException e) {
            connection.fail(e.errorCode(), e.getMessage());
        }
        return -1;
    }

    private int readBody(byte[] b, int off, int len) throws H3Exception, QpackException {
        while (true) {
            if (aborted) return -1;
            if (inFrame) {
                if (frameType == FrameType.DATA) {
                    if (frameRemaining == 0) {
                        inFrame = false;
                        continue;
                    }
                    int n = io.read(streamId, b, off, (int) Math.min(len, frameRemaining));
                    if (n == 0) return 0;
                    if (n < 0) throw new H3Exception(H3Error.FRAME_ERROR, "stream " + streamId + " ends inside DATA");
                    frameRemaining -= n;
                    bodyReceived += n;
                    if (contentLength >= 0 && bodyReceived > contentLength) {
                        streamError(H3Error.MESSAGE_ERROR, "body longer than content-length");
                        return -1;
                    }
                    return n;
                }
                if (frameType == FrameType.HEADERS) {
                    if (!blocked && !fillBlock()) return 0;
                    if (!decodeBlock(true)) return aborted ? -1 : 0;
                    continue;
                }
                if (!skip()) return 0;
                continue;
            }
            int r = frame.read(io, streamId);
            if (r == VarIntReader.MORE) return 0;
            if (r == VarIntReader.END) {
                if (contentLength >= 0 && bodyReceived != contentLength) {
                    streamError(H3Error.MESSAGE_ERROR, "body shorter than content-length");
                    return -1;
                }
                onMessageEnd();
                return -1;
            }
            if ((frame.type == FrameType.DATA || frame.type == FrameType.HEADERS) && trailersReceived()) {
                throw new H3Exception(H3Error.FRAME_UNEXPECTED, "frame after trailers");
            }
            startFrame();
        }
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** Queues a HEADERS frame with these fields, QPACK-encoded, and pushes what the stream takes. */
    final void sendHeaderSection(List<HeaderField> fields) {
        QpackWriter b = connection.encodeBuffer();
        b.clear();
        connection.encoder().encode(streamId, fields, b);
        writeFrameHeader(FrameType.HEADERS, b.length());
        out.writeBytes(b.array(), 0, b.length());
        flush();
    }

    private void writeFrameHeader(long type, long length) {
        byte[] h = connection.frameHeaderScratch();
        int n = VarInt.write(h, 0, type);
        n = VarInt.write(h, n, length);
        out.writeBytes(h, 0, n);
    }

    /** Pushes queued frame bytes; true once none are left. */
    final boolean flush() {
        if (out.length() == 0) return true;
        int n = io.write(streamId, out.array(), 0, out.length());
        if (n < 0) {
            sendGone = true;
            sendSideGone();
            return false;
        }
        out.consume(n);
        return out.length() == 0;
    }

    /**
     * Ends our direction once what was queued left: true when the FIN went out; false while bytes wait, or when a DATA
     * frame was announced longer than what was written (the message cannot end cleanly: the exchange is aborted).
     */
    final boolean finishSending() {
        if (!flush()) return false;
        if (outFrameRemaining > 0) {
            abort(H3Error.INTERNAL_ERROR);
            return false;
        }
        io.finish(streamId);
        return true;
    }

    /** Body bytes as DATA: how many the stream took (0 when its buffer is full), -1 when it takes no more. */
    final int writeData(byte[] b, int off, int len) {
        if (len == 0) return 0;
        if (outFrameRemaining == 0) {
            if (!flush()) return sendGone ? -1 : 0;
            outFrameRemaining = Math.min(len, MAX_DATA_FRAME);
            writeFrameHeader(FrameType.DATA, outFrameRemaining);
        }
        if (!flush()) return sendGone ? -1 : 0;
        int n = io.write(streamId, b, off, (int) Math.min(len, outFrameRemaining));
        if (n < 0) {
            sendGone = true;
            sendSideGone();
            return -1;
        }
        outFrameRemaining -= n;
        return n;
    }
}
