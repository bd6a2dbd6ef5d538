package dev.socketiwa.quic.h3;

import dev.socketiwa.quic.h3.qpack.HeaderField;
import dev.socketiwa.quic.h3.qpack.QpackException;

import java.util.ArrayList;
import java.util.List;

/**
 * One request stream of an {@link H3ClientSession}: the request body the application streams with {@link #write}
 * (DATA frames) and the response it pulls with {@link #read}. Informational (1xx) responses are skipped; trailers are
 * kept for {@link #trailers()}. For an extended CONNECT (RFC 9220) the same two calls are the byte duplex of the
 * tunnel: the stream stays open in both directions until either side finishes it.
 */
public final class H3ClientRequest extends H3MessageStream {
    private final H3ClientSession session;
    private final H3ResponseListener listener;
    private List<HeaderField> responseHeaders;
    private int status;
    private List<HeaderField> trailers;
    private boolean responseEnded;
    private Object attachment;

    private boolean finishWanted;
    private boolean finished;
    private long abortCode = -1;

    H3ClientRequest(H3ClientSession session, QuicStreams io, long streamId, H3ResponseListener listener, byte[] scratch) {
        super(session, io, streamId, scratch);
        this.session = session;
        this.listener = listener == null ? new H3ResponseListener() { } : listener;
    }

    public long streamId() {
        return streamId;
    }

    /** The final response's status, or 0 before it arrived. */
    public int status() {
        return status;
    }

    /** The final response's fields (with {@code :status}), or null before they arrived. */
    public List<HeaderField> responseHeaders() {
        return responseHeaders;
    }

    /** The first value of a response field, or null. */
    public String header(String name) {
        if (responseHeaders == null) return null;
        for (int i = 0; i < responseHeaders.size(); i++) {
            if (responseHeaders.get(i).name.equals(name)) return responseHeaders.get(i).value;
        }
        return null;
    }

    /** The response's trailer fields, or null when none came (known once {@link #read} returned -1). */
    public List<HeaderField> trailers() {
        return trailers;
    }

    public boolean isResponseEnded() {
        return responseEnded;
    }

    public boolean isAborted() {
        return aborted;
    }

    /** The error code the exchange was aborted with, or -1. */
    public long abortCode() {
        return abortCode;
    }

    public Object attachment() {
        return attachment;
    }

    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    // ------------------------------------------------------------------------------------------------ request side

    void sendHeaders(List<HeaderField> fields) {
        sendHeaderSection(fields);
    }

    /**
     * Queues request body bytes (or tunnel bytes after an extended CONNECT) as DATA; returns how many were taken (0
     * when the stream's buffer is full: wait for onWritable), or -1 when the request can no longer send.
     */
    public int write(byte[] b, int off, int len) {
        if (aborted || finishWanted) return -1;
        return writeData(b, off, len);
    }

    /** True when everything written so far left our buffers (the QUIC stream took it). */
    public boolean isFlushed() {
        return out.length() == 0;
    }

    /** Ends the request body (for a tunnel: our direction of it). */
    public void finish() {
        if (aborted || finishWanted) return;
        finishWanted = true;
        tryFinish();
    }

    private void tryFinish() {
        if (!finishSending()) return;
        finished = true;
        releaseIfDone();
    }

    /** Cancels the exchange in both directions (a stream error, H3_REQUEST_CANCELLED by convention). */
    @Override
    public void abort(long errorCode) {
        if (aborted) return;
        io.resetStream(streamId, errorCode);
        io.stopSending(streamId, errorCode);
        if (blocked || responseHeaders == null) session.decoder().cancelStream(streamId);
        failLocally(errorCode);
    }

    private void failLocally(long code) {
        if (aborted) return;
        aborted = true;
        abortCode = code;
        session.release(this);
        try {
            listener.onAbort(this, code);
        } catch (RuntimeException ignored) {
            // the exchange is over either way
        }
    }

    /** The server reset its side of the stream (or the connection went away): the exchange is over. */
    void peerAborted(long code) {
        if (aborted) return;
        if (!finished) io.resetStream(streamId, H3Error.REQUEST_CANCELLED);
        io.stopSending(streamId, H3Error.REQUEST_CANCELLED);
        if (blocked || responseHeaders == null) session.decoder().cancelStream(streamId);
        failLocally(code);
    }

    /**
     * The server asked us to stop sending. With H3_NO_ERROR it answers without the rest of the body (RFC 9114
     * §4.1.1): only our direction ends and the response is still read; any other code ends the exchange.
     */
    void stopSendingReceived(long code) {
        if (aborted) return;
        if (code != H3Error.NO_ERROR) {
            peerAborted(code);
            return;
        }
        if (!finished) io.resetStream(streamId, H3Error.NO_ERROR);
        finishWanted = true;
        finished = true;
        out.clear();
        releaseIfDone();
    }

    /**
     * The stream refuses our bytes (the server stopped our direction, and the transport reset it): only sending
     * ends; the response is still read, as it may hold the server's reason (a WebSocket Close, an error page).
     */
    @Override
    void sendSideGone() {
        finishWanted = true;
        finished = true;
        out.clear();
        outFrameRemaining = 0;
        releaseIfDone();
    }

    /** The server's GOAWAY says this request was not processed: it may be retried on a new connection. */
    void rejectedByGoaway() {
        if (aborted) return;
        if (!finished) io.resetStream(streamId, H3Error.REQUEST_CANCELLED);
        io.stopSending(streamId, H3Error.REQUEST_CANCELLED);
        if (blocked || responseHeaders == null) session.decoder().cancelStream(streamId);
        failLocally(H3Error.REQUEST_REJECTED);
    }

    private void releaseIfDone() {
        if (finished && responseEnded) session.release(this);
    }

    // ------------------------------------------------------------------------------------------------ response side

    boolean hasResponse() {
        return responseHeaders != null;
    }

    boolean isBlocked() {
        return blocked;
    }

    /** Reads frames until the final response headers are decoded; true once they are. */
    boolean readHead() throws H3Exception, QpackException {
        if (blocked && !decodeBlock(false)) return false;
        while (!aborted && !hasResponse()) {
            if (!inFrame) {
                int r = frame.read(io, streamId);
                if (r == VarIntReader.MORE) return false;
                if (r == VarIntReader.END) {
                    streamError(H3Error.MESSAGE_ERROR, "response stream ended before its headers");
                    return false;
                }
                if (frame.type == FrameType.DATA) throw new H3Exception(H3Error.FRAME_UNEXPECTED, "DATA before HEADERS");
                startFrame();
            }
            if (frameType == FrameType.HEADERS) {
                if (!fillBlock()) return false;
                if (!decodeBlock(false)) return false;
            } else if (!skip()) {
                return false;
            }
        }
        return hasResponse();
    }

    /** Decodes the buffered HEADERS block; false while it waits for QPACK inserts or when it failed. */
    @Override
    boolean decodeBlock(boolean trailerSection) throws QpackException {
        List<HeaderField> fields = decodeBuffered();
        if (fields == null) return false;
        if (trailerSection) {
            String why = ResponseValidator.checkTrailers(fields);
            if (why != null) {
                streamError(H3Error.MESSAGE_ERROR, why);
                return false;
            }
            trailers = new ArrayList<>(fields);
            return true;
        }
        String why = ResponseValidator.check(fields);
        if (why != null) {
            streamError(H3Error.MESSAGE_ERROR, why);
            return false;
        }
        int s = Integer.parseInt(fields.get(0).value);
        if (s < 200) return true; // informational: the final response follows on the same stream
        status = s;
        responseHeaders = new ArrayList<>(fields);
        String cl = header("content-length");
        if (cl != null) {
            contentLength = parseLength(cl);
            if (contentLength < 0) {
                streamError(H3Error.MESSAGE_ERROR, "bad content-length " + cl);
                return false;
            }
        }
        return true;
    }

    private static long parseLength(String v) {
        if (v.isEmpty() || v.length() > 18) return -1;
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * Reads response body bytes (tunnel bytes after an extended CONNECT): the count, 0 when none are ready (wait for
     * onReadable), -1 at the end of the response or when the exchange failed.
     */
    public int read(byte[] b, int off, int len) {
        if (aborted || responseEnded || !hasResponse()) return aborted || responseEnded ? -1 : 0;
        return readBodyOrFail(b, off, len);
    }

    @Override
    void checkFrameType(long type) throws H3Exception {
        if (type == FrameType.PUSH_PROMISE) {
            throw new H3Exception(H3Error.ID_ERROR, "PUSH_PROMISE although we allowed no push");
        }
    }

    @Override
    boolean trailersReceived() {
        return trailers != null;
    }

    @Override
    void onMessageEnd() {
        responseEnded = true;
        releaseIfDone();
    }

    @Override
    void streamError(long code, String why) {
        abort(code);
    }

    void notifyResponse() {
        try {
            listener.onResponse(this);
            if (!aborted) listener.onReadable(this);
        } catch (RuntimeException e) {
            abort(H3Error.INTERNAL_ERROR);
        }
    }

    void notifyReadable() {
        if (aborted) return;
        try {
            listener.onReadable(this);
        } catch (RuntimeException e) {
            abort(H3Error.INTERNAL_ERROR);
        }
    }

    void notifyWritable() {
        if (aborted) return;
        flush();
        if (aborted) return;
        if (finishWanted) {
            if (!finished) tryFinish();
        } else {
            try {
                listener.onWritable(this);
            } catch (RuntimeException e) {
                abort(H3Error.INTERNAL_ERROR);
            }
        }
    }
}
