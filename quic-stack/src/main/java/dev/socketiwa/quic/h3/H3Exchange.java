package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.qpack.QpackException;

import java.util.ArrayList;
import java.util.List;

/**
 * One request stream: the parsed request (headers, then a body the application pulls with {@link #read}) and the
 * response it writes (headers, then DATA frames, then FIN). Body bytes move straight between the QUIC stream and the
 * caller's buffer: DATA framing costs a few header bytes, not a copy.
 */
public final class H3Exchange extends H3MessageStream {
    private final H3ServerSession session;
    private List<HeaderField> requestHeaders;
    private boolean trailersDone;
    private boolean requestEnded;
    private H3ExchangeListener listener;
    private Object attachment;
    /** Set when the stream turned out to be a WebTransport stream (signal 0x41) naming this session ID. */
    private long webTransportSessionId = -1;
    private boolean anyFrame;

    private boolean responseStarted;
    private boolean finishWanted;
    private boolean finished;
    private boolean letPeerFinish;

    H3Exchange(H3ServerSession session, QuicStreams io, long streamId, byte[] scratch) {
        super(session, io, streamId, scratch);
        this.session = session;
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

    /** Decodes the buffered HEADERS block; false while it waits for QPACK inserts (or failed as a stream error). */
    @Override
    boolean decodeBlock(boolean trailers) throws QpackException {
        List<HeaderField> fields = decodeBuffered();
        if (fields == null) return false;
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
        return readBodyOrFail(b, off, len);
    }

    @Override
    void checkFrameType(long type) throws H3Exception {
        if (type == FrameType.PUSH_PROMISE || (type == FrameType.WEBTRANSPORT_STREAM && session.webTransportEnabled())) {
            throw unexpected(type);
        }
    }

    @Override
    boolean trailersReceived() {
        return trailersDone;
    }

    @Override
    void onMessageEnd() {
        requestEnded = true;
    }

    /** Resets both directions with an HTTP/3 error code (a stream error). */
    @Override
    public void abort(long errorCode) {
        if (aborted) return;
        aborted = true;
        io.resetStream(streamId, errorCode);
        io.stopSending(streamId, errorCode);
        if (blocked) session.decoder().cancelStream(streamId);
        session.release(this);
    }

    @Override
    void streamError(long code, String why) {
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
        sendHeaderSection(all);
    }

    /**
     * Queues response body bytes as DATA; returns how many were taken (0 when the stream's buffer is full: wait for
     * onWritable), or -1 when the exchange can no longer send.
     */
    public int write(byte[] b, int off, int len) {
        if (aborted || finishWanted) return -1;
        if (!responseStarted) throw new IllegalStateException("respond() before write() on stream " + streamId);
        return writeData(b, off, len);
    }

    /**
     * The client stopped our direction (the stream was reset under us): nobody reads the response any more, and as
     * the exchange is released once the response ends, the request body is not read either.
     */
    @Override
    void sendSideGone() {
        aborted = true;
        session.release(this);
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
        if (!finishSending()) return;
        finished = true;
        if (!requestEnded && !letPeerFinish) io.stopSending(streamId, H3Error.NO_ERROR);
        session.release(this);
    }
}
