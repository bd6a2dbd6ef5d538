package dev.socketiwa.quic.h3.webtransport;

import dev.socketiwa.quic.h3.QuicStreams;

/**
 * One stream of a WebTransport session: bidirectional, or unidirectional in either direction. Bytes move straight
 * between the QUIC stream and the caller's buffer; a stream we open first sends its header (signal 0x41 or type 0x54,
 * then the session ID). Writes are non-blocking: they return how much was taken, and {@code onWritable} follows when
 * a write took less than offered.
 */
public final class WebTransportStream {
    private final WebTransportSession session;
    private final QuicStreams io;
    private final long id;
    private final boolean local;
    private final byte[] header;
    private int headerSent;
    private boolean readDone;
    private boolean writeDone;
    private boolean finishWanted;
    private boolean writeBlocked;
    private WebTransportStreamListener listener;
    private Object attachment;

    WebTransportStream(WebTransportSession session, QuicStreams io, long id, boolean local, byte[] header) {
        this.session = session;
        this.io = io;
        this.id = id;
        this.local = local;
        this.header = header;
        this.readDone = !canRead();
        this.writeDone = !canWrite();
    }

    /** The QUIC stream ID. */
    public long id() {
        return id;
    }

    public WebTransportSession session() {
        return session;
    }

    public boolean isBidirectional() {
        return (id & 0x2) == 0;
    }

    /** Whether we opened it (rather than the peer). */
    public boolean isLocal() {
        return local;
    }

    /** Whether this side receives on the stream (bidirectional ones, and the peer's unidirectional ones). */
    public boolean canRead() {
        return isBidirectional() || !local;
    }

    /** Whether this side sends on the stream (bidirectional ones, and our unidirectional ones). */
    public boolean canWrite() {
        return isBidirectional() || local;
    }

    public void setListener(WebTransportStreamListener listener) {
        this.listener = listener;
    }

    public Object attachment() {
        return attachment;
    }

    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    /** Bytes read: the count, 0 when none are ready (wait for onReadable), -1 at the end (FIN, reset or stop). */
    public int read(byte[] b, int off, int len) {
        if (readDone) return -1;
        int n = io.read(id, b, off, len);
        if (n < 0) {
            readDone = true;
            session.forgetIfDone(this);
        }
        return n;
    }

    /**
     * Queues bytes; returns how many were taken (0 when the stream's buffer or flow control is full: wait for
     * onWritable), or -1 when this side cannot send (finished, reset, receive-only, session gone).
     */
    public int write(byte[] b, int off, int len) {
        if (writeDone || finishWanted) return -1;
        if (!flushHeader()) {
            if (writeDone) return -1;
            writeBlocked = true;
            return 0;
        }
        int n = io.write(id, b, off, len);
        if (n < 0) {
            writeDone = true;
            session.forgetIfDone(this);
            return -1;
        }
        if (n < len) writeBlocked = true;
        return n;
    }

    /** Ends our sending side after what was written. */
    public void finish() {
        if (writeDone) return;
        finishWanted = true;
        tryFinish();
    }

    /** Abandons our sending side with an application error code (0..2^32-1), mapped into HTTP/3's code space. */
    public void reset(long applicationCode) {
        resetRaw(WebTransportErrors.toHttp3(applicationCode));
    }

    /** Asks the peer to stop sending, with an application error code; reads then return -1. */
    public void stopSending(long applicationCode) {
        stopRaw(WebTransportErrors.toHttp3(applicationCode));
    }

    public boolean isReadDone() {
        return readDone;
    }

    public boolean isWriteDone() {
        return writeDone;
    }

    // ------------------------------------------------------------------------------------------------ session side

    boolean isDone() {
        return readDone && writeDone;
    }

    void resetRaw(long http3Code) {
        if (writeDone) return;
        writeDone = true;
        finishWanted = false;
        io.resetStream(id, http3Code);
        session.forgetIfDone(this);
    }

    void stopRaw(long http3Code) {
        if (readDone) return;
        readDone = true;
        io.stopSending(id, http3Code);
        session.forgetIfDone(this);
    }

    /** The session ended: both directions are abandoned with WEBTRANSPORT_SESSION_GONE. */
    void sessionGone() {
        if (!writeDone) {
            writeDone = true;
            io.resetStream(id, WebTransportErrors.SESSION_GONE);
        }
        if (!readDone) {
            readDone = true;
            io.stopSending(id, WebTransportErrors.SESSION_GONE);
        }
    }

    void onPeerReset(long http3Code) {
        if (readDone) return;
        readDone = true;
        session.forgetIfDone(this);
        if (listener != null) listener.onReset(this, WebTransportErrors.fromHttp3(http3Code));
    }

    void onPeerStopSending(long http3Code) {
        if (writeDone) return;
        resetRaw(http3Code);
        if (listener != null) listener.onStopSending(this, WebTransportErrors.fromHttp3(http3Code));
    }

    void notifyReadable() {
        if (listener != null && !readDone) listener.onReadable(this);
    }

    /** Pushes a pending header or FIN, then tells a writer that was refused space to try again. */
    void notifyWritable() {
        if (writeDone) return;
        if (!flushHeader()) return;
        if (finishWanted) {
            tryFinish();
        } else if (writeBlocked) {
            writeBlocked = false;
            if (listener != null) listener.onWritable(this);
        }
    }

    boolean wantsService() {
        return !writeDone && (writeBlocked || finishWanted || (header != null && headerSent < header.length));
    }

    private boolean flushHeader() {
        if (header == null || headerSent == header.length) return true;
        int n = io.write(id, header, headerSent, header.length - headerSent);
        if (n < 0) {
            writeDone = true;
            session.forgetIfDone(this);
            return false;
        }
        headerSent += n;
        return headerSent == header.length;
    }

    private void tryFinish() {
        if (!flushHeader()) return;
        writeDone = true;
        finishWanted = false;
        io.finish(id);
        session.forgetIfDone(this);
    }
}
