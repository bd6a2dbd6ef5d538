package dev.socketiwa.runtime.h3;

import dev.socketiwa.quic.h3.webtransport.WebTransportHandler;
import dev.socketiwa.quic.h3.webtransport.WebTransportSession;
import dev.socketiwa.quic.h3.webtransport.WebTransportStream;
import dev.socketiwa.quic.h3.webtransport.WebTransportStreamListener;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The proof of concept's WebTransport endpoint: datagrams come straight back, a bidirectional stream is echoed on
 * itself, a unidirectional stream is answered on a new unidirectional stream; how each session ended is logged.
 * Echoing follows backpressure: reading pauses while the answer's stream is full.
 */
public final class WebTransportEcho implements WebTransportHandler {
    private final Consumer<String> log;

    public WebTransportEcho() {
        this(System.out::println);
    }

    /** @param log receives one line per session start and end (with the close code and reason) */
    public WebTransportEcho(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public void onSession(WebTransportSession session) {
        log.accept("webtransport: session " + session.id() + " at " + session.path() + " open");
        session.attach(new ArrayList<Pipe>()); // answers waiting for the peer to allow another unidirectional stream
    }

    /** The peer allows more unidirectional streams: the answers that could not open one retry now. */
    @Override
    public void onStreamsAvailable(WebTransportSession session, boolean bidirectional) {
        List<Pipe> waiting = waiting(session);
        if (bidirectional || waiting == null || waiting.isEmpty()) return;
        List<Pipe> retry = new ArrayList<>(waiting);
        waiting.clear();
        for (int i = 0; i < retry.size(); i++) retry.get(i).pump(); // one still refused puts itself back
    }

    @SuppressWarnings("unchecked")
    private static List<Pipe> waiting(WebTransportSession session) {
        Object a = session.attachment();
        return a instanceof List ? (List<Pipe>) a : null;
    }

    @Override
    public void onDatagram(WebTransportSession session, byte[] data, int off, int len) {
        session.sendDatagram(data, off, len); // unreliable both ways: a full queue just drops it
    }

    @Override
    public void onStream(WebTransportSession session, WebTransportStream stream) {
        Pipe pipe = new Pipe(stream, stream.isBidirectional() ? stream : null);
        stream.setListener(pipe);
        pipe.pump();
    }

    @Override
    public void onClose(WebTransportSession session, long code, String reason) {
        log.accept("webtransport: session " + session.id() + " closed with code " + code + " reason \"" + reason + "\"");
    }

    /** Copies one stream's bytes into another (or the same) as fast as the output takes them. */
    private static final class Pipe implements WebTransportStreamListener {
        private final WebTransportStream in;
        private WebTransportStream out;
        private final byte[] buf = new byte[16384];
        private int start;
        private int end;
        private boolean ended;
        private boolean done;

        Pipe(WebTransportStream in, WebTransportStream out) {
            this.in = in;
            this.out = out;
        }

        @Override
        public void onReadable(WebTransportStream stream) {
            pump();
        }

        @Override
        public void onWritable(WebTransportStream stream) {
            pump();
        }

        @Override
        public void onReset(WebTransportStream stream, long applicationCode) {
            // the peer gave up on its data: pass the same code on
            if (out != null && !done) {
                done = true;
                out.reset(Math.max(0, applicationCode));
            }
        }

        void pump() {
            while (!done) {
                if (out == null) {
                    out = in.session().openUniStream();
                    if (out == null) {
                        // the peer's stream limit: retried when it allows more (or on the next readable event)
                        List<Pipe> waiting = waiting(in.session());
                        if (waiting != null && !waiting.contains(this)) waiting.add(this);
                        return;
                    }
                    out.setListener(this);
                }
                if (start < end) {
                    int w = out.write(buf, start, end - start);
                    if (w < 0) {
                        done = true;
                        in.stopSending(0);
                        return;
                    }
                    start += w;
                    if (start < end) return;
                }
                start = end = 0;
                if (ended) {
                    done = true;
                    out.finish();
                    return;
                }
                int n = in.read(buf, 0, buf.length);
                if (n == 0) return;
                if (n < 0) ended = true;
                else end = n;
            }
        }
    }
}
