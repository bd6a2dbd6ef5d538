package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.qpack.QpackException;
import dev.socketiwa.quic.h3.qpack.QpackWriter;
import dev.socketiwa.quic.packet.VarInt;

import java.util.ArrayList;
import java.util.List;

/**
 * One request stream: the parsed request (headers, then a body the application pulls with {@link #read}) and the
 * response it writes (headers, then DATA frames, then FIN). Body bytes move straight between the QUIC stream and the
 * caller's buffer: DATA framing costs a few header bytes, not a copy.
 */
public final class H3Exchange {
    private static final int MAX_HEADERS_FRAME = 64 * 1024;
    private static final int MAX_DATA_FRAME = 1 << 20;

    private final H3ServerSession session;
    private final QuicStreams io;
    private final long streamId;
    private final FrameHeaderReader frame = new FrameHeaderReader();
    private boolean inFrame;
    private long frameType;
    private long frameRemaining;
    private byte[] block;
    private int blockLength;
    private boolean blocked;
    private List<HeaderField> requestHeaders;
    private boolean trailersDone;
    private boolean requestEnded;
    private long bodyReceived;
    private long contentLength = -1;
    private H3ExchangeListener listener;
    private Object attachment;
    /** Set when the stream turned out to be a WebTransport stream (signal 0x41) naming this session ID. */
    private long webTransportSessionId = -1;
    private boolean anyFrame;

    private final QpackWriter out = new QpackWriter(64);
    private long outFrameRemaining;
    private boolean responseStarted;
    private boolean finishWanted;
    private boolean finished;
    private boolean aborted;
    private boolean letPeerFinish;
    private final byte[] scratch;

    H3Exchange(H3ServerSession session, QuicStreams io, long streamId, byte[] scratch) {
        this.session = session;
        this.io = io;
        this.streamId = streamId;
        this.scratch = scratch;
    }

    public long streamId() {
        return streamId;
    }

    /** The HTTP/3 connection this exchange belongs to (e.g. to accept a WebTransport session on it). */
    public H3ServerSession session() {
        return session;
    }

    /** The session ID a WebTransport bidirectional stream named in its header; -1 for requests. */
    long webTransportSessionId() {
        return webTransportSessionId;
    }

    public List<HeaderField> requestHeaders() {
        return requestHeaders;
    }

    /** The first value of a request field (pseudo-headers included), or null. */
    public String header(String name) {
        for (int i = 0; i < requestHeaders.size(); i++) {
            if (requestHeaders.get(i).name.equals(name)) return requestHeaders.get(i).value;
        }
        return null;
    }

    public String method() {
        return header(":method");
    }

    public String path() {
        return header(":path");
    }

    /** The extended CONNECT protocol (RFC 9220), e.g. webtransport or websocket; null for ordinary requests. */
    public String protocol() {
        return header(":protocol");
    }

    public void setListener(H3ExchangeListener listener) {
        this.listener = listener;
    }

    public Object attachment() {
        return attachment;
    }

    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    public boolean isAborted() {
        return aborted;
    }

    // ------------------------------------------------------------------------------------------------ request side

    /** Called by the session until the headers are complete; true once they are (and valid). */
    boolean readHeaders() throws H3Exception, QpackException {
        if (blocked) return decodeBlock(false);
        while (true) {
            if (!inFrame) {
                int r = frame.read(io, streamId);
                if (r == VarIntReader.MORE) return false;
                if (r == VarIntReader.END) {
                    streamError(H3Error.REQUEST_INCOMPLETE, "request stream ended before its headers");
                    return false;
                }
                if (frame.type == FrameType.DATA) throw new H3Exception(H3Error.FRAME_UNEXPECTED, "DATA before HEADERS");
                if (frame.type == FrameType.WEBTRANSPORT_STREAM && !anyFrame && session.webTransportEnabled()) {
                    // not a request: a WebTransport stream, whose "length" is the session ID; the rest is its data
                    webTransportSessionId = frame.length;
                    return false;
                }
                anyFrame = true;
                startFrame();
            }
            if (frameType == FrameType.HEADERS) {
                if (!fillBlock()) return false;
                return decodeBlock(false);
            }
            if (!skip()) return false;
        }
    }

    private void startFrame() throws H3Exception {
        long t = frame.type;
        if (t == FrameType.CANCEL_PUSH || t == FrameType.SETTINGS || t == FrameType.GOAWAY || t == FrameType.MAX_PUSH_ID
                || t == FrameType.PUSH_PROMISE || FrameType.isReservedHttp2(t)
                || (t == FrameType.WEBTRANSPORT_STREAM && session.webTransportEnabled())) {
            throw new H3Exception(H3Error.FRAME_UNEXPECTED, "frame type 0x" + Long.toHexString(t) + " on a request stream");
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

    private boolean fillBlock() throws H3Exception {
        while (frameRemaining > 0) {
            int n = io.read(streamId, block, blockLength, (int) frameRemaining);
            if (n == 0) return false;
            if (n < 0) throw new H3Exception(H3Error.FRAME_ERROR, "stream " + streamId + " ends inside HEADERS");
            blockLength += n;
            frameRemaining -= n;
        }
        return true;
    }

    private boolean skip() throws H3Exception {
        while (frameRemaining > 0) {
            int n = io.read(streamId, scratch, 0, (int) Math.min(scratch.length, frameRemaining));
            if (n == 0) return false;
            if (n < 0) throw new H3Exception(H3Error.FRAME_ERROR, "stream " + streamId + " ends inside a frame");
            frameRemaining -= n;
        }
        inFrame = false;
        return true;
    }

    /** Decodes the buffered HEADERS block; false while it waits for QPACK inserts (or failed as a stream error). */
    boolean decodeBlock(boolean trailers) throws QpackException {
        List<HeaderField> fields;
        try {
            fields = session.decoder().decode(streamId, block, 0, blockLength);
        } catch (dev.socketiwa.quic.h3.qpack.FieldSectionTooLargeException e) {
            streamError(H3Error.MESSAGE_ERROR, e.getMessage());
            return false;
        }
        blocked = fields == null;
        if (blocked) return false;
        inFrame = false;
        if (trailers) {
            trailersDone = true;
            String why = RequestValidator.checkTrailers(fields);
            if (why != null) streamError(H3Error.MESSAGE_ERROR, why);
            return why == null;
        }
        String why = RequestValidator.check(fields, session.extendedConnectEnabled());
        if (why != null) {
            streamError(H3Error.MESSAGE_ERROR, why);
            return false;
        }
        requestHeaders = new ArrayList<>(fields);
        String cl = header("content-length");
        if (cl != null) contentLength = Long.parseLong(cl);
        return true;
    }

    boolean isBlocked() {
        return blocked;
    }

    boolean hasHeaders() {
        return requestHeaders != null;
    }

    /**
     * Reads request body bytes: the count, 0 when none are ready (wait for onReadable), -1 at the end of the body
     * (or when the exchange failed).
     */
    public int read(byte[] b, int off, int len) {
        if (aborted || requestEnded) return -1;
        try {
            return readBody(b, off, len);
        } catch (H3Exception e) {
            session.fail(e.errorCode(), e.getMessage());
        } catch (QpackException e) {
            session.fail(e.errorCode(), e.getMessage());
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
                requestEnded = true;
                return -1;
            }
            if ((frame.type == FrameType.DATA || frame.type == FrameType.HEADERS) && trailersDone) {
                throw new H3Exception(H3Error.FRAME_UNEXPECTED, "frame after trailers");
            }
            startFrame();
        }
    }

    /** Resets both directions with an HTTP/3 error code (a stream error). */
    public void abort(long errorCode) {
        if (aborted) return;
        aborted = true;
        io.resetStream(streamId, errorCode);
        io.stopSending(streamId, errorCode);
        if (blocked) session.decoder().cancelStream(streamId);
        session.release(this);
    }

    private void streamError(long code, String why) {
        abort(code);
        if (listener != null) listener.onAbort(this, code);
    }

    void peerAborted(long code) {
        if (aborted) return;
        aborted = true;
        io.resetStream(streamId, code);
        io.stopSending(streamId, code);
        if (blocked || requestHeaders == null) session.decoder().cancelStream(streamId);
        session.release(this);
        if (listener != null) listener.onAbort(this, code);
    }

    void notifyReadable() {
        if (listener == null || aborted) return;
        try {
            listener.onReadable(this);
        } catch (RuntimeException e) {
            abort(H3Error.INTERNAL_ERROR);
        }
    }

    void notifyWritable() {
        if (aborted) return;
        flush();
        if (finishWanted) {
            tryFinish();
        } else if (listener != null && responseStarted) {
            try {
                listener.onWritable(this);
            } catch (RuntimeException e) {
                abort(H3Error.INTERNAL_ERROR);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ response side

    /** Sends the response headers; {@code :status} is added first. */
    public void respond(int status, List<HeaderField> headers) {
        if (responseStarted || aborted) throw new IllegalStateException("response already started on stream " + streamId);
        responseStarted = true;
        List<HeaderField> all = new ArrayList<>(headers.size() + 1);
        all.add(new HeaderField(":status", Integer.toString(status)));
        all.addAll(headers);
        QpackWriter block = session.encodeBuffer();
        block.clear();
        session.encoder().encode(streamId, all, block);
        writeFrameHeader(FrameType.HEADERS, block.length());
        out.writeBytes(block.array(), 0, block.length());
        flush();
    }

    private void writeFrameHeader(long type, long length) {
        byte[] h = session.frameHeaderScratch();
        int n = VarInt.write(h, 0, type);
        n = VarInt.write(h, n, length);
        out.writeBytes(h, 0, n);
    }

    private boolean flush() {
        if (out.length() == 0) return true;
        int n = io.write(streamId, out.array(), 0, out.length());
        if (n < 0) {
            aborted = true;
            session.release(this);
            return false;
        }
        out.consume(n);
        return out.length() == 0;
    }

    /**
     * Queues response body bytes as DATA; returns how many were taken (0 when the stream's buffer is full: wait for
     * onWritable), or -1 when the exchange can no longer send.
     */
    public int write(byte[] b, int off, int len) {
        if (aborted || finishWanted) return -1;
        if (!responseStarted) throw new IllegalStateException("respond() before write() on stream " + streamId);
        if (len == 0) return 0;
        if (outFrameRemaining == 0) {
            if (!flush()) return aborted ? -1 : 0;
            outFrameRemaining = Math.min(len, MAX_DATA_FRAME);
            writeFrameHeader(FrameType.DATA, outFrameRemaining);
        }
        if (!flush()) return aborted ? -1 : 0;
        int n = io.write(streamId, b, off, (int) Math.min(len, outFrameRemaining));
        if (n < 0) {
            aborted = true;
            session.release(this);
            return -1;
        }
        outFrameRemaining -= n;
        return n;
    }

    /** Ends the response after what was written; a request body still unread is declined (STOP_SENDING). */
    public void finish() {
        if (aborted || finished) return;
        finishWanted = true;
        tryFinish();
    }

    /**
     * Ends the response but lets the peer finish its side: for a stream both ends close in turn (a WebTransport
     * CONNECT, where STOP_SENDING after our close capsule makes Chromium report a lost connection).
     */
    public void finishLettingPeerFinish() {
        letPeerFinish = true;
        finish();
    }

    private void tryFinish() {
        if (!flush()) return;
        if (outFrameRemaining > 0) {
            // a DATA frame was announced longer than what the application wrote: the response cannot end cleanly
            abort(H3Error.INTERNAL_ERROR);
            return;
        }
        io.finish(streamId);
        finished = true;
        if (!requestEnded && !letPeerFinish) io.stopSending(streamId, H3Error.NO_ERROR);
        session.release(this);
    }
}
