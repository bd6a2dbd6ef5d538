package dev.socketiwa.quic.h3.webtransport;

import dev.socketiwa.quic.h3.H3Error;
import dev.socketiwa.quic.h3.H3Exception;
import dev.socketiwa.quic.h3.H3Exchange;
import dev.socketiwa.quic.h3.H3ExchangeListener;
import dev.socketiwa.quic.h3.QuicStreams;
import dev.socketiwa.quic.h3.qpack.QpackWriter;
import dev.socketiwa.quic.packet.VarInt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One WebTransport session (draft-ietf-webtrans-http3): an accepted extended CONNECT whose stream then carries
 * capsules, plus the streams and datagrams tied to it by its ID (the CONNECT stream's ID). Closing it, from either
 * side or by losing the CONNECT stream, resets every stream it still has.
 */
public final class WebTransportSession {
    private final WebTransportSessions owner;
    private final QuicStreams io;
    private final H3Exchange connect;
    private final WebTransportHandler handler;
    private final long id;
    private final CapsuleParser parser = new CapsuleParser();
    private final CapsuleParser.Sink sink = this::onCapsule;
    private final QpackWriter out = new QpackWriter(64);
    private final List<WebTransportStream> streams = new ArrayList<>();
    private final ConnectStream connectListener = new ConnectStream();
    private boolean closeReceived;
    private boolean finishWanted;
    private boolean closed;
    private boolean drainReceived;
    private Object attachment;

    WebTransportSession(WebTransportSessions owner, QuicStreams io, H3Exchange connect, WebTransportHandler handler) {
        this.owner = owner;
        this.io = io;
        this.connect = connect;
        this.handler = handler;
        this.id = connect.streamId();
    }

    /** The session ID: the stream ID of its CONNECT request. */
    public long id() {
        return id;
    }

    /** The CONNECT request's path (with any query). */
    public String path() {
        return connect.path();
    }

    /** The first value of a CONNECT request field (e.g. origin), or null. */
    public String header(String name) {
        return connect.header(name);
    }

    public Object attachment() {
        return attachment;
    }

    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Whether the peer sent DRAIN_WEBTRANSPORT_SESSION. */
    public boolean isDraining() {
        return drainReceived;
    }

    /** Streams open in the session now. */
    public int streamCount() {
        return streams.size();
    }

    /** Largest datagram payload {@link #sendDatagram} can send now; 0 when datagrams are not negotiated. */
    public int maxDatagramPayload() {
        int max = io.maxDatagramPayload() - VarInt.length(id >>> 2);
        return Math.max(0, max);
    }

    /**
     * Sends one datagram (unreliable, unordered); false when it was not queued (too large, datagrams not negotiated,
     * queue full, session closed): datagrams may be dropped anywhere, so the caller just carries on.
     */
    public boolean sendDatagram(byte[] b, int off, int len) {
        if (closed) return false;
        byte[] buf = owner.datagramBuffer(len + 8);
        int n = VarInt.write(buf, 0, id >>> 2);
        System.arraycopy(b, off, buf, n, len);
        return io.sendDatagram(buf, 0, n + len);
    }

    /** Opens a bidirectional stream; null when the peer's stream limit does not allow one now (or the session closed). */
    public WebTransportStream openBidiStream() {
        return open(true);
    }

    /** Opens a unidirectional stream towards the peer; null when the peer's limit does not allow one now. */
    public WebTransportStream openUniStream() {
        return open(false);
    }

    private WebTransportStream open(boolean bidi) {
        if (closed) return null;
        long streamId = bidi ? io.openBidiStream() : io.openUniStream();
        if (streamId < 0) return null;
        byte[] h = new byte[16];
        int n = VarInt.write(h, 0, bidi ? WebTransportSessions.BIDI_SIGNAL : WebTransportSessions.UNI_TYPE);
        n = VarInt.write(h, n, id);
        byte[] header = new byte[n];
        System.arraycopy(h, 0, header, 0, n);
        WebTransportStream s = new WebTransportStream(this, io, streamId, true, header);
        streams.add(s);
        owner.register(s);
        s.notifyWritable();
        return s;
    }

    /**
     * Closes the session with an application code (32-bit) and a reason (UTF-8, cut to 1024 bytes): sends
     * CLOSE_WEBTRANSPORT_SESSION and finishes the CONNECT stream; every stream of the session is reset.
     */
    public void close(long code, String reason) {
        if (closed) return;
        long c = code & 0xffffffffL;
        Capsules.writeClose(out, c, reason);
        finishWanted = true;
        flush();
        terminate(c, reason == null ? "" : reason);
    }

    /** Asks the peer to wrap up (DRAIN_WEBTRANSPORT_SESSION); the session stays open until one side closes it. */
    public void drain() {
        if (closed || finishWanted) return;
        Capsules.writeDrain(out);
        flush();
    }

    // ------------------------------------------------------------------------------------------------ registry side

    /** Sends the 200 and starts reading capsules; called once by {@link WebTransportSessions#accept}. */
    void start(List<dev.socketiwa.quic.h3.qpack.HeaderField> responseHeaders) {
        connect.setListener(connectListener);
        connect.respond(200, responseHeaders);
    }

    WebTransportHandler handler() {
        return handler;
    }

    void adopt(WebTransportStream s) {
        streams.add(s);
        owner.register(s);
    }

    void forgetIfDone(WebTransportStream s) {
        if (s.isDone()) {
            streams.remove(s);
            owner.unregister(s);
        }
    }

    void service() {
        if (out.length() > 0 || finishWanted) flush();
    }

    /** The connection went away: the session ends as if closed with code 0. */
    void connectionClosed() {
        terminate(0, "");
    }

    // ------------------------------------------------------------------------------------------------ capsules

    private void readCapsules() {
        byte[] buf = owner.readBuffer();
        while (!connect.isAborted()) {
            int n = connect.read(buf, 0, buf.length);
            if (n == 0) return;
            if (n < 0) {
                if (connect.isAborted()) break;
                if (!parser.atBoundary()) {
                    messageError("the CONNECT stream ends inside a capsule");
                    return;
                }
                // FIN without a CLOSE capsule: closed with code 0 and no reason; we finish our side too
                finishWanted = true;
                flush();
                terminate(0, "");
                return;
            }
            try {
                parser.feed(buf, 0, n, sink);
            } catch (H3Exception e) {
                messageError(e.getMessage());
                return;
            }
        }
        terminate(0, "");
    }

    private void onCapsule(long type, byte[] p, int len) throws H3Exception {
        if (closeReceived) throw new H3Exception(H3Error.MESSAGE_ERROR, "a capsule after CLOSE_WEBTRANSPORT_SESSION");
        if (type == Capsules.CLOSE_WEBTRANSPORT_SESSION) {
            closeReceived = true;
            long code = ((p[0] & 0xffL) << 24) | ((p[1] & 0xff) << 16) | ((p[2] & 0xff) << 8) | (p[3] & 0xff);
            String reason = new String(p, 4, len - 4, StandardCharsets.UTF_8);
            finishWanted = true;
            flush();
            terminate(code, reason);
        } else if (type == Capsules.DRAIN_WEBTRANSPORT_SESSION) {
            if (drainReceived || closed) return;
            drainReceived = true;
            owner.guard(this, () -> handler.onDrain(this));
        } else if (type == Capsules.DATAGRAM) {
            if (!closed) owner.deliverDatagram(this, p, 0, len);
        }
    }

    /** A malformed capsule stream is H3_MESSAGE_ERROR on the CONNECT stream, which ends the session. */
    private void messageError(String why) {
        connect.abort(H3Error.MESSAGE_ERROR);
        terminate(0, "");
    }

    /** A handler threw: the CONNECT stream is reset with H3_INTERNAL_ERROR and the session ends. */
    void failInternal() {
        if (!connect.isAborted()) connect.abort(H3Error.INTERNAL_ERROR);
        terminate(0, "");
    }

    private void flush() {
        if (connect.isAborted()) return;
        while (out.length() > 0) {
            int n = connect.write(out.array(), 0, out.length());
            if (n <= 0) return;
            out.consume(n);
        }
        if (finishWanted) {
            finishWanted = false;
            connect.finishLettingPeerFinish();
        }
    }

    private void terminate(long code, String reason) {
        if (closed) return;
        closed = true;
        for (int i = streams.size() - 1; i >= 0; i--) {
            WebTransportStream s = streams.get(i);
            s.sessionGone();
            owner.unregister(s);
        }
        streams.clear();
        owner.ended(this);
        owner.guard(this, () -> handler.onClose(this, code, reason));
    }

    /** Events of the CONNECT stream itself. */
    private final class ConnectStream implements H3ExchangeListener {
        @Override
        public void onReadable(H3Exchange exchange) {
            readCapsules();
        }

        @Override
        public void onWritable(H3Exchange exchange) {
            flush();
        }

        @Override
        public void onAbort(H3Exchange exchange, long errorCode) {
            terminate(0, "");
        }
    }
}
