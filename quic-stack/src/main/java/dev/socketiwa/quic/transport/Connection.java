package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.crypto.EncryptionLevel;
import dev.socketiwa.quic.crypto.InitialKeys;
import dev.socketiwa.quic.crypto.PacketProtection;
import dev.socketiwa.quic.frame.AckFrame;
import dev.socketiwa.quic.frame.FrameParser;
import dev.socketiwa.quic.frame.FrameVisitor;
import dev.socketiwa.quic.frame.FrameWriter;
import dev.socketiwa.quic.packet.ConnectionId;
import dev.socketiwa.quic.packet.Header;
import dev.socketiwa.quic.packet.PacketNumber;
import dev.socketiwa.quic.packet.PacketProtector;
import dev.socketiwa.quic.packet.PacketType;
import dev.socketiwa.quic.packet.StatelessReset;
import dev.socketiwa.quic.packet.VarInt;
import dev.socketiwa.quic.packet.VersionNegotiation;
import dev.socketiwa.quic.tls.SessionTicket;
import dev.socketiwa.quic.tls.TlsAlertException;
import dev.socketiwa.quic.tls.TlsEngine;
import dev.socketiwa.quic.tls.TlsListener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;

/**
 * One QUIC connection, sans-IO (RFC 9000, 9001, 9002, 9221). Time is nanoseconds from any fixed origin, passed in by
 * the caller. Feed received datagrams to {@link #handleDatagram}, pull datagrams to send with {@link #pollTransmit}
 * until it returns 0, call {@link #handleTimeout} at {@link #nextTimeout}, and take events with {@link #pollEvent}.
 * Nothing thrown by a peer's bytes escapes: protocol errors close the connection with the matching error code.
 */
public final class Connection {
    private static final int INITIAL = 0;
    private static final int HANDSHAKE = 1;
    private static final int APP = 2;
    private static final int TAG = 16;
    private static final int MIN_INITIAL = Header.MIN_INITIAL_SIZE;
    private static final long NONE = Long.MAX_VALUE;

    public enum State { HANDSHAKING, ESTABLISHED, CLOSING, DRAINING, CLOSED }

    private final boolean server;
    private final QuicConfig config;
    private final Randomness random;
    private final StatelessResetTokens resetTokens;
    private InitialKeysFactory keysFactory;
    /** Client: the token from a Retry (or an earlier connection's NEW_TOKEN), sent in every later Initial. */
    private byte[] retryToken = new byte[0];
    /** Client: where tokens from NEW_TOKEN go (the endpoint keeps them for the next connection). */
    private java.util.function.BiConsumer<Object, byte[]> tokenListener;
    /** Server: makes the NEW_TOKEN token sent once the handshake completes (null: none). */
    private NewTokenIssuer newTokenIssuer;
    private byte[] newToken;
    private boolean newTokenPending;
    private ConnectionId retrySourceCid;
    private ConnectionIdListener cidListener;
    private TlsEngine tls;
    private final PacketSpace[] spaces = {
            new PacketSpace(EncryptionLevel.INITIAL),
            new PacketSpace(EncryptionLevel.HANDSHAKE),
            new PacketSpace(EncryptionLevel.APPLICATION)};
    private final Header header = new Header();
    private final PacketProtector protector = new PacketProtector();
    private final FrameParser parser;
    private final Frames frames = new Frames();
    private final byte[] plain = new byte[65536];
    private final byte[] cryptoScratch = new byte[16384];
    private final long[] ackRanges = new long[128];
    private final boolean[] sendSpaces = new boolean[3];
    private final ArrayDeque<SentPacket> sentPool = new ArrayDeque<>();

    private State state = State.HANDSHAKING;
    private Object remote;
    /** Source of the datagram being processed; becomes the remote once a new highest packet from it authenticates. */
    private Object datagramFrom;
    private boolean handshakeComplete;
    private boolean handshakeConfirmed;
    private boolean completeEventSent;

    // connection IDs
    private final ConnectionId originalDcid;
    private final HashMap<Long, ConnectionId> localCids = new HashMap<>();
    private long nextLocalCidSeq;
    private final ArrayDeque<Long> newCidPending = new ArrayDeque<>();
    private final ArrayList<PeerCid> peerCids = new ArrayList<>();
    private PeerCid activePeerCid;
    private boolean peerCidFromServer;
    private ConnectionId peerInitialScid;
    private long peerRetirePriorTo;
    private final ArrayDeque<Long> retireCidPending = new ArrayDeque<>();

    // transport parameters
    private final TransportParameters localParams = new TransportParameters();
    private TransportParameters peerParams;

    // flow control
    private long peerMaxData;
    private long sentData;
    private long dataBlockedSentAt = -1;
    private long localMaxData;
    private long connWindow;
    private long lastConnWindowUpdate = Long.MIN_VALUE;
    private long receivedData;
    private long consumedData;
    private boolean maxDataPending;

    // streams
    private final HashMap<Long, Stream> streams = new HashMap<>();
    private final long[] nextLocalStream = new long[2];   // [bidi, uni] index of the next stream we open
    private final long[] peerMaxStreams = new long[2];    // limit the peer gave us
    private final long[] nextPeerStream = new long[2];    // index above every peer stream opened
    private final long[] localMaxStreams = new long[2];   // limit we gave the peer
    private final long[] peerStreamsClosed = new long[2];
    private final boolean[] maxStreamsPending = new boolean[2];
    private final long[] streamsBlockedSentAt = {-1, -1};
    private int streamCursor;
    /** The streams in opening order, for round-robin sending without per-packet allocation. */
    private final ArrayList<Stream> streamOrder = new ArrayList<>();

    // datagrams
    private final ArrayDeque<byte[]> outgoingDatagrams = new ArrayDeque<>();
    private int queuedIncomingDatagrams;

    // recovery
    private final RttEstimator rtt = new RttEstimator();
    private final NewReno cc;
    private final Pacer pacer;
    /** When pacing holds back data that is ready: the time it may go (part of nextTimeout). */
    private long pacingRelease = NONE;
    private int ptoCount;
    /** Send times of the ack-eliciting packets declared lost by the ACK being processed (persistent congestion). */
    private long lostFirstSent = NONE;
    private long lostLastSent = -1;
    private long lossTimer = NONE;

    // amplification limit (RFC 9000 §8.1)
    private boolean addressValidated;
    private long bytesReceived;
    private long bytesSent;

    // idle and close
    private long idleDeadline = NONE;
    private long lastReceiveTime;
    private boolean ackElicitingSentSinceReceive;
    private long closeDeadline = NONE;
    /** Datagrams received in the closing state (closes answer only some of them). */
    private long closingReceived;
    private boolean closeSendPending;
    private long closeError;
    private long closeFrameType;
    private boolean closeApplication;
    private byte[] closeReason = new byte[0];

    // key update (RFC 9001 §6)
    private int keyPhase;
    private PacketProtection nextReadKeys;
    private PacketProtection prevReadKeys;
    /** First peer packet number in the current read phase; MAX while our own update awaits the peer's answer. */
    private long keyPhaseStartPn;
    /** First packet number we sent with the current write phase. */
    private long writePhaseStartPn;
    private boolean writePhaseAcked = true;
    /** Key updates done (ours and the peer's). */
    private int keyUpdates;
    // AEAD limits (RFC 9001 §6.6); computed once the 1-RTT suite is known
    private long keyUpdateAfter;
    private long confidentialityLimit;
    private long failedDecryptions;

    // 0-RTT (RFC 9001 §4.6): the client writes with zeroRttWrite until it has 1-RTT keys; the server reads with
    // zeroRttRead until the handshake completes. Both share the application packet number space.
    private PacketProtection zeroRttWrite;
    private PacketProtection zeroRttRead;
    /** Client: the server's parameters remembered with the ticket, the limits 0-RTT data obeys (RFC 9000 §7.4.1). */
    private TransportParameters rememberedParams;
    private boolean earlyDataAccepted;
    private boolean earlyDataRejected;
    private boolean processingZeroRtt;
    private int zeroRttPacketsSent;
    private int zeroRttPacketsReceived;
    private SessionTicket latestTicket;

    private boolean handshakeDonePending;
    private boolean closedByPeer;
    private byte[] pathResponsePending;
    private final ArrayDeque<ConnectionEvent> events = new ArrayDeque<>();

    private static final class PeerCid {
        final long seq;
        final ConnectionId cid;
        byte[] resetToken;

        PeerCid(long seq, ConnectionId cid, byte[] resetToken) {
            this.seq = seq;
            this.cid = cid;
            this.resetToken = resetToken;
        }
    }

    private Connection(boolean server, QuicConfig config, Randomness random, StatelessResetTokens resetTokens,
                       ConnectionId originalDcid, ConnectionIdListener cidListener) {
        this.server = server;
        this.config = config;
        this.random = random;
        this.resetTokens = resetTokens;
        this.originalDcid = originalDcid;
        this.cidListener = cidListener;
        this.parser = new FrameParser(config.maxDatagramFrameSize > 0);
        this.cc = new NewReno(config.maxDatagramSize);
        this.pacer = new Pacer(config.maxDatagramSize);
        this.localMaxData = config.initialMaxData;
        this.connWindow = config.initialMaxData;
        this.localMaxStreams[0] = config.maxStreamsBidi;
        this.localMaxStreams[1] = config.maxStreamsUni;
    }

    /** A client connection; its first Initial is ready to send at once. */
    public static Connection client(QuicConfig config, TlsFactory tlsFactory, InitialKeysFactory keys, Randomness random,
                                    StatelessResetTokens resetTokens, long now) {
        byte[] dcid = new byte[8];
        random.nextBytes(dcid, 0, dcid.length);
        Connection c = new Connection(false, config, random, resetTokens, ConnectionId.of(dcid), null);
        c.activePeerCid = new PeerCid(0, c.originalDcid, null);
        c.peerCids.add(c.activePeerCid);
        c.keysFactory = keys;
        c.init(now, keys.initialKeys(dcid, 0, dcid.length), tlsFactory);
        return c;
    }

    /**
     * A server connection for a client Initial whose header was parsed into h (datagram in buf). The endpoint then
     * passes the same datagram to {@link #handleDatagram}.
     */
    public static Connection server(QuicConfig config, TlsFactory tlsFactory, InitialKeysFactory keys, Randomness random,
                                    StatelessResetTokens resetTokens, ConnectionIdListener cidListener, byte[] buf,
                                    Header h, Object remote, long now) {
        return server(config, tlsFactory, keys, random, resetTokens, cidListener, buf, h, remote, now, null);
    }

    /**
     * A server connection for a client Initial that carried a valid Retry token: retryOdcid is the client's original
     * DCID from the token; the client's address counts as validated (RFC 9000 §8.1.2).
     */
    public static Connection server(QuicConfig config, TlsFactory tlsFactory, InitialKeysFactory keys, Randomness random,
                                    StatelessResetTokens resetTokens, ConnectionIdListener cidListener, byte[] buf,
                                    Header h, Object remote, long now, ConnectionId retryOdcid) {
        ConnectionId odcid = retryOdcid != null ? retryOdcid : ConnectionId.of(buf, h.dcidOff, h.dcidLen);
        Connection c = new Connection(true, config, random, resetTokens, odcid, cidListener);
        c.remote = remote;
        if (retryOdcid != null) {
            c.addressValidated = true;
            c.localParams.retrySourceConnectionId = ConnectionId.of(buf, h.dcidOff, h.dcidLen);
        }
        ConnectionId clientScid = ConnectionId.of(buf, h.scidOff, h.scidLen);
        c.peerInitialScid = clientScid;
        c.peerCidFromServer = true;
        c.activePeerCid = new PeerCid(0, clientScid, null);
        c.peerCids.add(c.activePeerCid);
        c.init(now, keys.initialKeys(buf, h.dcidOff, h.dcidLen), tlsFactory);
        return c;
    }

    private void init(long now, InitialKeys keys, TlsFactory tlsFactory) {
        PacketSpace initial = spaces[INITIAL];
        initial.readKeys = server ? keys.client() : keys.server();
        initial.writeKeys = server ? keys.server() : keys.client();
        ConnectionId scid = newLocalCid();
        localParams.initialSourceConnectionId = scid;
        localParams.maxIdleTimeout = config.maxIdleTimeoutMillis;
        localParams.initialMaxData = config.initialMaxData;
        localParams.initialMaxStreamDataBidiLocal = config.initialMaxStreamData;
        localParams.initialMaxStreamDataBidiRemote = config.initialMaxStreamData;
        localParams.initialMaxStreamDataUni = config.initialMaxStreamData;
        localParams.initialMaxStreamsBidi = config.maxStreamsBidi;
        localParams.initialMaxStreamsUni = config.maxStreamsUni;
        localParams.activeConnectionIdLimit = config.activeConnectionIdLimit;
        localParams.maxAckDelay = config.maxAckDelayMillis;
        localParams.maxDatagramFrameSize = config.maxDatagramFrameSize;
        if (server) {
            localParams.originalDestinationConnectionId = originalDcid;
            localParams.statelessResetToken = resetTokens.tokenFor(scid);
        }
        lastReceiveTime = now;
        resetIdle(now);
        tls = tlsFactory.create(new TlsCallbacks(), localParams.encode());
        setLossTimer(now);
    }

    private ConnectionId newLocalCid() {
        byte[] b = new byte[config.localConnectionIdLength];
        random.nextBytes(b, 0, b.length);
        ConnectionId cid = ConnectionId.of(b);
        localCids.put(nextLocalCidSeq++, cid);
        if (cidListener != null) cidListener.issued(this, cid);
        return cid;
    }

    // ------------------------------------------------------------------------------------------------ public API

    public boolean isServer() { return server; }

    public State state() { return state; }

    public boolean isClosed() { return state == State.CLOSED; }

    public boolean isHandshakeComplete() { return handshakeComplete; }

    public boolean isHandshakeConfirmed() { return handshakeConfirmed; }

    public String alpn() { return tls == null ? null : tls.negotiatedAlpn(); }

    public Object remote() { return remote; }

    void setRemote(Object r) { remote = r; }

    public ConnectionId originalDestinationConnectionId() { return originalDcid; }

    /** Connection IDs that currently route to this connection. */
    public List<ConnectionId> localConnectionIds() { return new ArrayList<>(localCids.values()); }

    public void setConnectionIdListener(ConnectionIdListener l) {
        this.cidListener = l;
        for (ConnectionId c : localCids.values()) l.issued(this, c);
    }

    public TransportParameters peerTransportParameters() { return peerParams; }

    /** Smoothed RTT in nanoseconds. */
    public long smoothedRtt() { return rtt.smoothed; }

    public long congestionWindow() { return cc.window; }

    public long bytesSent() { return bytesSent; }

    public long bytesReceived() { return bytesReceived; }

    public boolean isAddressValidated() { return addressValidated; }

    /** Whether the handshake resumed a session from a ticket instead of a full certificate handshake. */
    public boolean isResumed() { return tls != null && tls.isResumed(); }

    /** Server: the client proved its address with a token before this connection existed. */
    void markAddressValidated() { addressValidated = true; }

    /** Server: issuer of the token sent in NEW_TOKEN after the handshake. */
    interface NewTokenIssuer {
        byte[] issue(long nowMillis, Object clientAddress);
    }

    void setNewTokenIssuer(NewTokenIssuer issuer) { newTokenIssuer = issuer; }

    /** Client, before the first packet goes out: a NEW_TOKEN token from an earlier connection to the same server. */
    void setInitialToken(byte[] token) { retryToken = token; }

    /** Client: receives (server address, token) for each NEW_TOKEN frame. */
    void setTokenListener(java.util.function.BiConsumer<Object, byte[]> listener) { tokenListener = listener; }

    /** Whether 0-RTT was accepted (client: the server said so; server: it took the client's early data). */
    public boolean isEarlyDataAccepted() { return earlyDataAccepted; }

    /** Whether offered 0-RTT was rejected; the client then resends its early stream data at 1-RTT. */
    public boolean isEarlyDataRejected() { return earlyDataRejected; }

    /** Client: whether streams can be opened and written now, before the handshake completes (0-RTT). */
    public boolean canSendEarlyData() { return state == State.HANDSHAKING && canSendEarly(); }

    public int zeroRttPacketsSent() { return zeroRttPacketsSent; }

    public int zeroRttPacketsReceived() { return zeroRttPacketsReceived; }

    /**
     * Server: whether the peer's stream was opened by a 0-RTT packet. Such a request may be a replay (RFC 9001 §9.2);
     * an app that must not act twice can wait for {@link #isHandshakeComplete()} before acting on it.
     */
    public boolean isEarlyDataStream(long streamId) {
        Stream s = streams.get(streamId);
        return s != null && s.early;
    }

    /** Client: the last session ticket the server issued on this connection, or null. */
    public SessionTicket latestSessionTicket() { return latestTicket; }

    /** The next packet number this connection will use at 1-RTT (tests forge packets that fit in with it). */
    long nextApplicationPacketNumber() {
        return spaces[APP].nextPn;
    }

    int keyPhase() {
        return keyPhase;
    }

    /** Key updates so far, initiated by either side. */
    int keyUpdates() {
        return keyUpdates;
    }

    /** Packets protected with the current 1-RTT write key. */
    long packetsOnWriteKey() {
        return spaces[APP].nextPn - writePhaseStartPn;
    }

    /**
     * Starts a key update (RFC 9001 §6.1). Allowed once the handshake is confirmed and a packet of the current phase
     * was acknowledged; returns whether it started.
     */
    public boolean initiateKeyUpdate() {
        PacketSpace app = spaces[APP];
        if (!handshakeConfirmed || !writePhaseAcked || state != State.ESTABLISHED || app.writeKeys == null) return false;
        prevReadKeys = app.readKeys;
        app.readKeys = nextReadKeys != null ? nextReadKeys : app.readKeys.nextKeyPhase();
        nextReadKeys = null;
        app.writeKeys = app.writeKeys.nextKeyPhase();
        keyPhase ^= 1;
        keyPhaseStartPn = Long.MAX_VALUE;
        writePhaseStartPn = app.nextPn;
        writePhaseAcked = false;
        keyUpdates++;
        return true;
    }

    /**
     * Keeps the packets per 1-RTT write key under the AEAD's confidentiality limit (RFC 9001 §6.6): updates the key
     * when the threshold is reached and, when an update is not possible in time (the peer has not acknowledged the
     * current phase), closes with AEAD_LIMIT_REACHED while one packet is left for the CONNECTION_CLOSE. Returns false
     * when it closed. Packet numbers are consecutive in the application space, so counting costs nothing.
     */
    private boolean withinKeyLimits(long now) {
        PacketSpace app = spaces[APP];
        if (app.writeKeys == null || app.discarded) return true;
        if (confidentialityLimit == 0) {
            long suiteLimit = app.writeKeys.suite().confidentialityLimit();
            confidentialityLimit = config.confidentialityLimit > 0 ? Math.min(config.confidentialityLimit, suiteLimit) : suiteLimit;
            keyUpdateAfter = config.keyUpdateAfterPackets > 0 ? config.keyUpdateAfterPackets
                    : confidentialityLimit - confidentialityLimit / 8;
        }
        long used = app.nextPn - writePhaseStartPn;
        if (used >= keyUpdateAfter && initiateKeyUpdate()) return true;
        if (used < confidentialityLimit - 1) return true;
        startClosing(now, TransportError.AEAD_LIMIT_REACHED, 0, false,
                "confidentiality limit of " + confidentialityLimit + " packets per key reached without a key update");
        return false;
    }

    public ConnectionEvent pollEvent() {
        ConnectionEvent e = events.poll();
        if (e != null && e.kind == ConnectionEvent.Kind.DATAGRAM) queuedIncomingDatagrams--;
        return e;
    }

    /** Opens a stream; returns its ID, or -1 when the peer's stream limit (or the handshake) does not allow it yet. */
    public long openStream(boolean bidi) {
        int t = bidi ? 0 : 1;
        if (state != State.ESTABLISHED && !canSendEarlyData()) return -1;
        TransportParameters pp = peerParams != null ? peerParams : rememberedParams;
        if (nextLocalStream[t] >= peerMaxStreams[t]) {
            if (streamsBlockedSentAt[t] != peerMaxStreams[t]) streamsBlockedSentAt[t] = -2 - peerMaxStreams[t];
            return -1;
        }
        long id = (nextLocalStream[t]++ << 2) | (bidi ? 0 : 2) | (server ? 1 : 0);
        Stream s = new Stream(id, new SendBuffer(4096, config.streamSendBuffer),
                bidi ? new ReceiveBuffer(4096) : null);
        s.peerMaxData = bidi ? pp.initialMaxStreamDataBidiRemote : pp.initialMaxStreamDataUni;
        if (bidi) initReceiveWindow(s);
        streams.put(id, s);
        streamOrder.add(s);
        return id;
    }

    /** Queues bytes on a stream; returns how many were taken (0 when the buffer is full), or -1 if it cannot send. */
    public int write(long streamId, byte[] b, int off, int len) {
        Stream s = streams.get(streamId);
        if (s == null || s.send == null || s.send.finWanted || s.resetPending || s.resetSent
                || state != State.ESTABLISHED && !canSendEarlyData()) {
            return -1;
        }
        int n = s.send.write(b, off, len);
        if (n < len) s.writableSignaled = false;
        return n;
    }

    /** Ends the sending half after the queued bytes. */
    public void finish(long streamId) {
        Stream s = streams.get(streamId);
        if (s != null && s.send != null) s.send.finWanted = true;
    }

    /** Reads bytes in order; returns the count, 0 when none are ready, -1 at the end of the stream. */
    public int read(long streamId, byte[] b, int off, int len) {
        Stream s = streams.get(streamId);
        if (s == null || s.recv == null) return -1;
        if (s.resetReceived) return -1;
        int n = s.recv.read(b, off, len);
        s.readableSignaled = false;
        if (n > 0) {
            consumedData += n;
            updateStreamWindow(s);
            updateConnWindow();
        }
        if (n == 0 && s.recv.isFinished()) {
            s.finRead = true;
            maybeRemove(s);
            return -1;
        }
        if (s.recv.isFinished() && !s.finRead && s.recv.readable() == 0) {
            // the caller sees -1 on its next read; note the half closed now so the stream can be freed
            s.finRead = true;
            maybeRemove(s);
        }
        return n;
    }

    /** Bytes queued on a stream that the peer has not acknowledged yet (0 for unknown streams). */
    public boolean isStreamFinished(long streamId) {
        Stream s = streams.get(streamId);
        return s == null || s.recvDone();
    }

    public void resetStream(long streamId, long errorCode) {
        Stream s = streams.get(streamId);
        if (s == null || s.send == null || s.resetSent || s.resetPending || s.send.allAcked() && s.send.finWanted) return;
        s.resetPending = true;
        s.resetCode = errorCode;
        s.resetFinalSize = s.send.sentEnd();
    }

    public void stopSending(long streamId, long errorCode) {
        Stream s = streams.get(streamId);
        if (s == null || s.recv == null || s.recvDone()) return;
        s.stopSendingPending = true;
        s.stopCode = errorCode;
    }

    /** Largest DATAGRAM payload the peer accepts that also fits our packets; 0 when datagrams are not negotiated. */
    public int maxDatagramPayload() {
        if (peerParams == null || peerParams.maxDatagramFrameSize == 0 || config.maxDatagramFrameSize == 0) return 0;
        int fit = config.maxDatagramSize - 1 - 20 - 4 - TAG - 3;
        return (int) Math.min(fit, peerParams.maxDatagramFrameSize - 3);
    }

    /** Queues an unreliable datagram; false when datagrams are not negotiated or it is too large. */
    public boolean sendDatagram(byte[] b, int off, int len) {
        if (state != State.ESTABLISHED || len > maxDatagramPayload() || outgoingDatagrams.size() >= config.maxQueuedDatagrams) {
            return false;
        }
        byte[] copy = new byte[len];
        System.arraycopy(b, off, copy, 0, len);
        outgoingDatagrams.add(copy);
        return true;
    }

    /** Closes the connection with an application error code (RFC 9000 §10.2). */
    public void close(long now, long applicationError, String reason) {
        if (state == State.CLOSING || state == State.DRAINING || state == State.CLOSED) return;
        startClosing(now, applicationError, 0, true, reason);
    }

    // ------------------------------------------------------------------------------------------------ receiving

    /** Processes one received UDP datagram. */
    public void handleDatagram(long now, byte[] buf, int off, int len, Object from) {
        if (state == State.DRAINING || state == State.CLOSED) return;
        if (remote == null) remote = from;
        datagramFrom = from;
        bytesReceived += len;
        if (state == State.CLOSING) {
            // Answer the 1st, 2nd, 4th, 8th ... datagram with CONNECTION_CLOSE (RFC 9000 §10.2.1 limits the rate):
            // two endpoints closing at once would otherwise bounce every packet in flight back and forth as closes
            // until their closing periods end.
            closingReceived++;
            if ((closingReceived & (closingReceived - 1)) == 0) closeSendPending = true;
            return;
        }
        int end = off + len;
        int pos = off;
        boolean first = true;
        int firstDcidOff = 0;
        int firstDcidLen = 0;
        while (pos < end) {
            if (!header.parse(buf, pos, end, config.localConnectionIdLength)) break;
            int next = header.packetEnd;
            try {
                // Coalesced packets carry the first one's DCID (RFC 9000 §12.2): a client's 0-RTT packet after its
                // Initial still uses the DCID it chose, which is none of ours.
                if (!first && !matchesLocalCid(buf, header)
                        && !sameBytes(buf, header.dcidOff, header.dcidLen, firstDcidOff, firstDcidLen)) {
                    break;
                }
                if (first) {
                    firstDcidOff = header.dcidOff;
                    firstDcidLen = header.dcidLen;
                }
                processPacket(now, buf, header, off, len);
            } catch (QuicException e) {
                startClosing(now, e.errorCode(), e.frameType(), false, e.getMessage());
                return;
            } catch (RuntimeException e) {
                // A bug must not take the endpoint down: close this connection as an internal error.
                startClosing(now, TransportError.INTERNAL_ERROR, 0, false, String.valueOf(e));
                return;
            }
            if (state != State.HANDSHAKING && state != State.ESTABLISHED) return;
            first = false;
            pos = next;
        }
        setLossTimer(now);
    }

    private static boolean sameBytes(byte[] buf, int aOff, int aLen, int bOff, int bLen) {
        if (aLen != bLen) return false;
        for (int i = 0; i < aLen; i++) {
            if (buf[aOff + i] != buf[bOff + i]) return false;
        }
        return true;
    }

    private boolean matchesLocalCid(byte[] buf, Header h) {
        for (ConnectionId c : localCids.values()) {
            if (c.matches(buf, h.dcidOff, h.dcidLen)) return true;
        }
        return false;
    }

    private void processPacket(long now, byte[] buf, Header h, int dgramOff, int dgramLen) throws QuicException {
        if (h.type == null) return; // unknown version in a coalesced packet: drop
        if (h.type == PacketType.VERSION_NEGOTIATION) {
            handleVersionNegotiation(now, buf, h);
            return;
        }
        if (h.type == PacketType.RETRY) {
            handleRetry(now, buf, h);
            return;
        }
        boolean zeroRtt = h.type == PacketType.ZERO_RTT;
        // 0-RTT is read only by a server that accepted it; otherwise dropped (RFC 9001 §4.6.2).
        if (zeroRtt && (!server || zeroRttRead == null)) return;
        int si = h.type == PacketType.INITIAL ? INITIAL : h.type == PacketType.HANDSHAKE ? HANDSHAKE : APP;
        PacketSpace space = spaces[si];
        PacketProtection keys = zeroRtt ? zeroRttRead : space.readKeys;
        if (space.discarded || keys == null) return;
        // A server acts on 1-RTT packets only once the handshake is complete (RFC 9001 §5.7).
        if (si == APP && !zeroRtt && server && !handshakeComplete) return;
        if (!protector.removeHeaderProtection(buf, h, keys)) return;
        long pn = protector.decodePacketNumber(space.largestReceived);
        boolean keyUpdate = false;
        if (si == APP && !zeroRtt) {
            int phase = (protector.firstByte() >>> 2) & 1;
            if (phase != keyPhase) {
                if (prevReadKeys != null && pn < keyPhaseStartPn) {
                    keys = prevReadKeys;
                } else {
                    if (nextReadKeys == null) nextReadKeys = space.readKeys.nextKeyPhase();
                    keys = nextReadKeys;
                    keyUpdate = true;
                }
            }
        }
        int plainLen = protector.openPayload(buf, h, keys, pn, plain, 0);
        if (plainLen < 0) {
            if (si == APP && isStatelessReset(buf, dgramOff, dgramLen)) {
                enterDraining(now, TransportError.NO_ERROR, false, "stateless reset");
                return;
            }
            // Forgery attempts are counted across all keys of the connection (RFC 9001 §6.6 integrity limit).
            long integrityLimit = config.integrityLimit > 0 ? config.integrityLimit : keys.suite().integrityLimit();
            if (++failedDecryptions > integrityLimit) {
                throw new QuicException(TransportError.AEAD_LIMIT_REACHED,
                        failedDecryptions + " packets failed authentication, the integrity limit");
            }
            return;
        }
        if (si == APP && !keyUpdate && keyPhaseStartPn == Long.MAX_VALUE && keys == space.readKeys) {
            keyPhaseStartPn = pn; // the peer answered our key update
        }
        if (keyUpdate) {
            if (!handshakeConfirmed) {
                throw new QuicException(TransportError.KEY_UPDATE_ERROR, "key update before the handshake was confirmed");
            }
            prevReadKeys = space.readKeys;
            space.readKeys = nextReadKeys;
            nextReadKeys = null;
            space.writeKeys = space.writeKeys.nextKeyPhase();
            keyPhase ^= 1;
            keyPhaseStartPn = pn;
            writePhaseStartPn = space.nextPn;
            writePhaseAcked = false;
            keyUpdates++;
        }
        int firstByte = protector.firstByte();
        if (h.isLong() ? (firstByte & 0x0c) != 0 : (firstByte & 0x18) != 0) {
            throw new QuicException(TransportError.PROTOCOL_VIOLATION, "reserved header bits set");
        }
        if (space.received.contains(pn) || (!space.received.isEmpty() && pn < space.received.min()
                && space.received.size() >= 64)) {
            return; // duplicate
        }
        // The peer's first long-header packet fixes its connection ID (client side) and proves its address (server).
        if (!server && !peerCidFromServer && h.isLong()) {
            peerCidFromServer = true;
            ConnectionId scid = ConnectionId.of(buf, h.scidOff, h.scidLen);
            peerInitialScid = scid;
            peerCids.clear();
            activePeerCid = new PeerCid(0, scid, null);
            peerCids.add(activePeerCid);
        }
        if (server && si == HANDSHAKE) {
            addressValidated = true;
            discardSpace(INITIAL);
        }
        if (!server && si >= HANDSHAKE) addressValidated = true;

        frames.space = space;
        frames.now = now;
        processingZeroRtt = zeroRtt;
        if (zeroRtt) zeroRttPacketsReceived++;
        int flags;
        try {
            flags = parser.parse(plain, 0, plainLen, h.type, frames);
        } finally {
            processingZeroRtt = false;
        }
        boolean ackEliciting = (flags & FrameParser.ACK_ELICITING) != 0;

        boolean outOfOrder = pn != space.largestReceived + 1;
        space.received.add(pn, pn + 1);
        if (pn > space.largestReceived) {
            space.largestReceived = pn;
            space.largestReceivedTime = now;
            // A peer's new address counts only with a fresh authenticated packet: replays are dropped as duplicates
            // above (RFC 9000 §9.3). The new path is not validated (no PATH_CHALLENGE yet).
            if (datagramFrom != null && si == APP && !zeroRtt) remote = datagramFrom;
        }
        space.ackNew = true;
        if (ackEliciting) {
            space.ackElicitingPending = true;
            space.ackElicitingSinceAck++;
            if (si != APP || outOfOrder || space.ackElicitingSinceAck >= 2) {
                space.ackDeadline = now;
            } else if (space.ackDeadline == NONE) {
                space.ackDeadline = now + config.maxAckDelayMillis * 1_000_000L;
            }
        }
        lastReceiveTime = now;
        ackElicitingSentSinceReceive = false;
        resetIdle(now);
        if (state == State.CLOSING) closeSendPending = true;
    }

    /** Checks a datagram that matched no connection ID against this connection's reset tokens (RFC 9000 §10.3.1). */
    boolean handleStatelessReset(long now, byte[] buf, int off, int len) {
        if (state == State.CLOSED || state == State.DRAINING || !isStatelessReset(buf, off, len)) return false;
        enterDraining(now, TransportError.NO_ERROR, false, "stateless reset");
        return true;
    }

    private boolean isStatelessReset(byte[] buf, int off, int len) {
        for (PeerCid p : peerCids) {
            if (p.resetToken != null && StatelessReset.matches(buf, off, len, p.resetToken)) return true;
        }
        return false;
    }

    /** Client: restart the Initial exchange towards the server's new connection ID, with its token (RFC 9000 §17.2.5). */
    private void handleRetry(long now, byte[] buf, Header h) {
        if (server || peerCidFromServer || retrySourceCid != null || h.tokenLen <= 0) return;
        if (originalDcid.matches(buf, h.scidOff, h.scidLen)) return;
        byte[] odcid = originalDcid.toBytes();
        if (!keysFactory.verifyRetry(odcid, 0, odcid.length, buf, h.packetStart, h.packetEnd - h.packetStart)) return;
        retrySourceCid = ConnectionId.of(buf, h.scidOff, h.scidLen);
        retryToken = java.util.Arrays.copyOfRange(buf, h.tokenOff, h.tokenOff + h.tokenLen);
        peerCids.clear();
        activePeerCid = new PeerCid(0, retrySourceCid, null);
        peerCids.add(activePeerCid);
        byte[] cid = retrySourceCid.toBytes();
        InitialKeys keys = keysFactory.initialKeys(cid, 0, cid.length);
        PacketSpace initial = spaces[INITIAL];
        initial.readKeys = keys.server();
        initial.writeKeys = keys.client();
        // The first flight is sent again under the new keys; what was in flight no longer counts.
        for (SentPacket p : initial.sent) {
            if (p.inFlight) cc.onRemoved(p.size);
        }
        for (SentPacket p : initial.sent) recycle(p);
        initial.sent.clear();
        initial.ackElicitingInFlight = 0;
        initial.lossTime = NONE;
        initial.cryptoSend.requeueUnacked();
        resendZeroRtt(); // the server dropped it with the first Initial
        ptoCount = 0;
    }

    /** Puts the stream data of every 0-RTT packet in flight back in line (Retry, or rejected 0-RTT). */
    private void resendZeroRtt() {
        PacketSpace app = spaces[APP];
        for (SentPacket p : app.sent) {
            if (p.inFlight) cc.onRemoved(p.size);
            requeue(app, p);
        }
        for (SentPacket p : app.sent) recycle(p);
        app.sent.clear();
        app.ackElicitingInFlight = 0;
        app.lossTime = NONE;
    }

    private void handleVersionNegotiation(long now, byte[] buf, Header h) {
        // Only a client that has not yet heard from the server acts on it (RFC 9000 §6.2).
        if (server || peerCidFromServer) return;
        int[] versions = VersionNegotiation.versions(buf, h);
        for (int v : versions) {
            if (v == Header.VERSION_1) return; // a VN listing our version is bogus: ignore
        }
        enterClosed(TransportError.CONNECTION_REFUSED, false, "the server does not support QUIC v1");
    }

    /** Handles frames of the packet being processed. */
    private final class Frames implements FrameVisitor {
        PacketSpace space;
        long now;

        @Override
        public void onPing() {
        }

        @Override
        public void onAck(AckFrame ack) throws QuicException {
            onAckFrame(space, ack, now);
        }

        @Override
        public void onResetStream(long streamId, long errorCode, long finalSize) throws QuicException {
            Stream s = receivingStream(streamId);
            if (s == null || s.resetReceived) return;
            if (finalSize > s.localMaxData) {
                throw new QuicException(TransportError.FLOW_CONTROL_ERROR, "final size beyond the stream limit");
            }
            long before = s.recv.highest();
            s.recv.setFinalSize(finalSize);
            addReceived(finalSize - before);
            // Bytes never to be read still count as consumed for the connection window.
            consumedData += finalSize - s.recv.readOffset();
            updateConnWindow();
            s.resetReceived = true;
            s.maxDataPending = false;
            events.add(new ConnectionEvent(ConnectionEvent.Kind.STREAM_RESET, streamId, errorCode, true, null, null));
            maybeRemove(s);
        }

        @Override
        public void onStopSending(long streamId, long errorCode) throws QuicException {
            Stream s = sendingStream(streamId);
            if (s == null) return;
            events.add(new ConnectionEvent(ConnectionEvent.Kind.STOP_SENDING, streamId, errorCode, true, null, null));
            resetStream(streamId, errorCode);
        }

        @Override
        public void onCrypto(long offset, byte[] buf, int off, int len) throws QuicException {
            ReceiveBuffer rb = space.cryptoReceive;
            rb.insert(offset, buf, off, len, false, rb.readOffset() + config.maxCryptoBuffer,
                    TransportError.CRYPTO_BUFFER_EXCEEDED);
            int n;
            while ((n = rb.read(cryptoScratch, 0, cryptoScratch.length)) > 0) {
                try {
                    tls.receive(space.level, cryptoScratch, 0, n);
                } catch (TlsAlertException e) {
                    throw new QuicException(TransportError.CRYPTO_ERROR_BASE + (e.alert() & 0xff), FrameTypes.CRYPTO,
                            "TLS alert " + e.alert() + ": " + e.getMessage());
                }
                if (state != State.HANDSHAKING && state != State.ESTABLISHED) return;
            }
            checkPeerParameters();
            checkHandshakeComplete();
        }

        @Override
        public void onNewToken(byte[] buf, int off, int len) throws QuicException {
            if (server) throw new QuicException(TransportError.PROTOCOL_VIOLATION, FrameTypes.NEW_TOKEN, "NEW_TOKEN from a client");
            // Useful for future connections only: the endpoint keeps it for the next connect() to this server.
            if (tokenListener != null) tokenListener.accept(remote, java.util.Arrays.copyOfRange(buf, off, off + len));
        }

        @Override
        public void onStream(long streamId, long offset, byte[] buf, int off, int len, boolean fin) throws QuicException {
            Stream s = receivingStream(streamId);
            if (s == null || s.resetReceived) return;
            long before = s.recv.highest();
            if (!s.recv.insert(offset, buf, off, len, fin, s.localMaxData, TransportError.FLOW_CONTROL_ERROR)) {
                throw new QuicException(TransportError.PROTOCOL_VIOLATION, "stream data too fragmented");
            }
            addReceived(s.recv.highest() - before);
            if (!s.readableSignaled && (s.recv.readable() > 0 || s.recv.isFinished())) {
                s.readableSignaled = true;
                events.add(ConnectionEvent.of(ConnectionEvent.Kind.STREAM_READABLE, streamId));
            }
        }

        @Override
        public void onMaxData(long max) {
            if (max > peerMaxData) peerMaxData = max;
        }

        @Override
        public void onMaxStreamData(long streamId, long max) throws QuicException {
            Stream s = sendingStream(streamId);
            if (s != null && max > s.peerMaxData) s.peerMaxData = max;
        }

        @Override
        public void onMaxStreams(boolean bidi, long max) {
            int t = bidi ? 0 : 1;
            if (max <= peerMaxStreams[t]) return;
            // An app refused by openStream has no other way to learn that it may try again.
            boolean wasAtLimit = nextLocalStream[t] >= peerMaxStreams[t];
            peerMaxStreams[t] = max;
            if (wasAtLimit) {
                long next = (nextLocalStream[t] << 2) | (bidi ? 0 : 2) | (server ? 1 : 0);
                events.add(ConnectionEvent.of(ConnectionEvent.Kind.STREAMS_AVAILABLE, next));
            }
        }

        @Override
        public void onDataBlocked(long limit) {
        }

        @Override
        public void onStreamDataBlocked(long streamId, long limit) throws QuicException {
            receivingStream(streamId);
        }

        @Override
        public void onStreamsBlocked(boolean bidi, long limit) {
        }

        @Override
        public void onNewConnectionId(long seq, long retirePriorTo, byte[] buf, int cidOff, int cidLen, int tokenOff)
                throws QuicException {
            onNewCid(seq, retirePriorTo, buf, cidOff, cidLen, tokenOff);
        }

        @Override
        public void onRetireConnectionId(long seq) throws QuicException {
            if (seq >= nextLocalCidSeq) {
                throw new QuicException(TransportError.PROTOCOL_VIOLATION, FrameTypes.RETIRE_CONNECTION_ID,
                        "retiring a connection ID never issued");
            }
            ConnectionId c = localCids.remove(seq);
            if (c != null) {
                if (cidListener != null) cidListener.retired(Connection.this, c);
                if (handshakeComplete) issueCid();
            }
        }

        @Override
        public void onPathChallenge(byte[] buf, int off) {
            pathResponsePending = java.util.Arrays.copyOfRange(buf, off, off + 8);
        }

        @Override
        public void onPathResponse(byte[] buf, int off) {
            // We never send PATH_CHALLENGE (no migration), so any response is unsolicited and ignored.
        }

        @Override
        public void onConnectionClose(boolean application, long errorCode, long frameType, byte[] buf, int off, int len) {
            String reason = new String(buf, off, len, StandardCharsets.UTF_8);
            closedByPeer = true;
            enterDraining(now, errorCode, application, reason);
        }

        @Override
        public void onHandshakeDone() throws QuicException {
            if (server) throw new QuicException(TransportError.PROTOCOL_VIOLATION, FrameTypes.HANDSHAKE_DONE, "HANDSHAKE_DONE from a client");
            if (!handshakeConfirmed) {
                handshakeConfirmed = true;
                discardSpace(HANDSHAKE);
            }
        }

        @Override
        public void onDatagram(byte[] buf, int off, int len) throws QuicException {
            if (len > config.maxDatagramFrameSize) {
                throw new QuicException(TransportError.PROTOCOL_VIOLATION, 0x30, "DATAGRAM larger than max_datagram_frame_size");
            }
            if (queuedIncomingDatagrams >= config.maxQueuedDatagrams) return; // unreliable: drop under pressure
            queuedIncomingDatagrams++;
            events.add(new ConnectionEvent(ConnectionEvent.Kind.DATAGRAM, -1, 0, false, null,
                    java.util.Arrays.copyOfRange(buf, off, off + len)));
        }
    }

    /** Frame type codes used in error reports. */
    private static final class FrameTypes {
        static final long CRYPTO = 0x06;
        static final long NEW_TOKEN = 0x07;
        static final long RETIRE_CONNECTION_ID = 0x19;
        static final long HANDSHAKE_DONE = 0x1e;
        static final long NEW_CONNECTION_ID = 0x18;
    }

    private void addReceived(long delta) throws QuicException {
        if (delta <= 0) return;
        receivedData += delta;
        if (receivedData > localMaxData) {
            throw new QuicException(TransportError.FLOW_CONTROL_ERROR, "connection data limit " + localMaxData + " exceeded");
        }
    }

    private void checkPeerParameters() throws QuicException {
        if (peerParams != null) return;
        byte[] raw = tls.peerTransportParameters();
        if (raw == null) return;
        TransportParameters tp = TransportParameters.decode(raw, !server);
        if (peerInitialScid == null || !tp.initialSourceConnectionId.equals(peerInitialScid)) {
            throw new QuicException(TransportError.TRANSPORT_PARAMETER_ERROR, "initial_source_connection_id mismatch");
        }
        if (!server && !tp.originalDestinationConnectionId.equals(originalDcid)) {
            throw new QuicException(TransportError.TRANSPORT_PARAMETER_ERROR, "original_destination_connection_id mismatch");
        }
        if (!server && (retrySourceCid == null ? tp.retrySourceConnectionId != null
                : !retrySourceCid.equals(tp.retrySourceConnectionId))) {
            throw new QuicException(TransportError.TRANSPORT_PARAMETER_ERROR, "retry_source_connection_id does not match the Retry");
        }
        peerParams = tp;
        peerMaxData = tp.initialMaxData;
        peerMaxStreams[0] = tp.initialMaxStreamsBidi;
        peerMaxStreams[1] = tp.initialMaxStreamsUni;
        if (rememberedParams != null) {
            // Streams opened in 0-RTT now obey the server's real limits (not lower when 0-RTT was accepted).
            for (Stream st : streams.values()) {
                if (st.send != null) {
                    st.peerMaxData = (st.id & 2) == 0 ? tp.initialMaxStreamDataBidiRemote : tp.initialMaxStreamDataUni;
                }
            }
        }
        if (!server && tp.statelessResetToken != null) activePeerCid.resetToken = tp.statelessResetToken;
        resetIdle(lastReceiveTime);
    }

    private void checkHandshakeComplete() {
        if (!handshakeComplete || completeEventSent || peerParams == null) return;
        completeEventSent = true;
        state = State.ESTABLISHED;
        events.add(ConnectionEvent.of(ConnectionEvent.Kind.HANDSHAKE_COMPLETE, -1));
        if (server) {
            handshakeConfirmed = true;
            handshakeDonePending = true;
            discardSpace(HANDSHAKE);
            if (newTokenIssuer != null) {
                newToken = newTokenIssuer.issue(frames.now / 1_000_000L, remote);
                newTokenPending = newToken != null;
            }
            zeroRttRead = null; // late 0-RTT is resent at 1-RTT by the client
        }
        long limit = Math.min(peerParams.activeConnectionIdLimit, config.activeConnectionIdLimit);
        while (localCids.size() < limit) issueCid();
    }

    private void issueCid() {
        long seq = nextLocalCidSeq;
        newLocalCid();
        newCidPending.add(seq);
    }

    private void onNewCid(long seq, long retirePriorTo, byte[] buf, int cidOff, int cidLen, int tokenOff) throws QuicException {
        if (activePeerCid.cid.length() == 0) {
            throw new QuicException(TransportError.PROTOCOL_VIOLATION, FrameTypes.NEW_CONNECTION_ID,
                    "NEW_CONNECTION_ID while using a zero-length connection ID");
        }
        for (PeerCid p : peerCids) {
            if (p.seq == seq) {
                if (!p.cid.matches(buf, cidOff, cidLen)) {
                    throw new QuicException(TransportError.PROTOCOL_VIOLATION, FrameTypes.NEW_CONNECTION_ID,
                            "sequence number reused for another connection ID");
                }
                return;
            }
        }
        byte[] token = java.util.Arrays.copyOfRange(buf, tokenOff, tokenOff + 16);
        if (seq < peerRetirePriorTo) {
            retireCidPending.add(seq);
            return;
        }
        peerCids.add(new PeerCid(seq, ConnectionId.of(buf, cidOff, cidLen), token));
        if (retirePriorTo > peerRetirePriorTo) {
            peerRetirePriorTo = retirePriorTo;
            for (Iterator<PeerCid> it = peerCids.iterator(); it.hasNext(); ) {
                PeerCid p = it.next();
                if (p.seq < retirePriorTo) {
                    it.remove();
                    retireCidPending.add(p.seq);
                }
            }
            if (!peerCids.contains(activePeerCid)) activePeerCid = peerCids.get(0);
        }
        if (peerCids.size() > config.activeConnectionIdLimit) {
            throw new QuicException(TransportError.CONNECTION_ID_LIMIT_ERROR, FrameTypes.NEW_CONNECTION_ID,
                    "more than " + config.activeConnectionIdLimit + " active connection IDs");
        }
        if (retireCidPending.size() > 64) {
            throw new QuicException(TransportError.CONNECTION_ID_LIMIT_ERROR, "too many connection IDs to retire");
        }
    }

    /** The stream we receive on, creating peer streams on first use; null when it was already closed. */
    private Stream receivingStream(long id) throws QuicException {
        boolean local = ((id & 1) == 1) == server;
        boolean uni = (id & 2) != 0;
        if (local && uni) {
            throw new QuicException(TransportError.STREAM_STATE_ERROR, "receiving on our own unidirectional stream " + id);
        }
        return stream(id, local, uni);
    }

    /** The stream we send on; null when it was already closed. */
    private Stream sendingStream(long id) throws QuicException {
        boolean local = ((id & 1) == 1) == server;
        boolean uni = (id & 2) != 0;
        if (!local && uni) {
            throw new QuicException(TransportError.STREAM_STATE_ERROR, "the peer's unidirectional stream " + id + " has no sending part here");
        }
        return stream(id, local, uni);
    }

    private Stream stream(long id, boolean local, boolean uni) throws QuicException {
        int t = uni ? 1 : 0;
        long index = id >>> 2;
        if (local) {
            if (index >= nextLocalStream[t]) {
                throw new QuicException(TransportError.STREAM_STATE_ERROR, "stream " + id + " was not opened");
            }
            return streams.get(id);
        }
        if (index >= localMaxStreams[t]) {
            throw new QuicException(TransportError.STREAM_LIMIT_ERROR, "stream " + id + " exceeds the stream limit "
                    + localMaxStreams[t]);
        }
        if (peerParams == null) {
            throw new QuicException(TransportError.PROTOCOL_VIOLATION, "stream frame before the handshake");
        }
        while (nextPeerStream[t] <= index) {
            long sid = (nextPeerStream[t]++ << 2) | (uni ? 2 : 0) | (server ? 0 : 1);
            Stream s = new Stream(sid, uni ? null : new SendBuffer(4096, config.streamSendBuffer), new ReceiveBuffer(4096));
            if (!uni) s.peerMaxData = peerParams.initialMaxStreamDataBidiLocal;
            s.early = processingZeroRtt;
            initReceiveWindow(s);
            streams.put(sid, s);
            streamOrder.add(s);
            events.add(ConnectionEvent.of(ConnectionEvent.Kind.STREAM_OPENED, sid));
        }
        return streams.get(id);
    }

    private void initReceiveWindow(Stream s) {
        s.window = config.initialMaxStreamData;
        s.localMaxData = config.initialMaxStreamData;
    }

    /** Grows a stream window when the application consumed half of it; doubles it when that happens within 2 RTTs. */
    private void updateStreamWindow(Stream s) {
        if (s.recv.isFinished() || s.resetReceived) return;
        long read = s.recv.readOffset();
        if (s.localMaxData - read > s.window / 2) return;
        long now = lastReceiveTime;
        if (s.lastWindowUpdate != Long.MIN_VALUE && now - s.lastWindowUpdate < 2 * rtt.smoothed) {
            s.window = Math.min(s.window * 2, config.maxStreamWindow);
        }
        s.lastWindowUpdate = now;
        s.localMaxData = read + s.window;
        s.maxDataPending = true;
    }

    private void updateConnWindow() {
        if (localMaxData - consumedData > connWindow / 2) return;
        long now = lastReceiveTime;
        if (lastConnWindowUpdate != Long.MIN_VALUE && now - lastConnWindowUpdate < 2 * rtt.smoothed) {
            connWindow = Math.min(connWindow * 2, config.maxConnectionWindow);
        }
        lastConnWindowUpdate = now;
        localMaxData = consumedData + connWindow;
        maxDataPending = true;
    }

    private void maybeRemove(Stream s) {
        if (!s.sendDone() || !s.recvDone()) return;
        if (streams.remove(s.id) == null) return;
        streamOrder.remove(s);
        boolean local = ((s.id & 1) == 1) == server;
        if (!local) {
            int t = (s.id & 2) != 0 ? 1 : 0;
            peerStreamsClosed[t]++;
            localMaxStreams[t] = peerStreamsClosed[t] + (t == 0 ? config.maxStreamsBidi : config.maxStreamsUni);
            maxStreamsPending[t] = true;
        }
    }

    // ------------------------------------------------------------------------------------------------ recovery

    private void onAckFrame(PacketSpace space, AckFrame ack, long now) throws QuicException {
        if (ack.largest >= space.nextPn) {
            throw new QuicException(TransportError.PROTOCOL_VIOLATION, 0x02, "ACK of packet " + ack.largest + " never sent");
        }
        long newlyPn = -1;
        long newlyTime = 0;
        boolean anyEliciting = false;
        int r = ack.rangeCount() - 1; // ranges are descending; walk from the smallest
        for (Iterator<SentPacket> it = space.sent.iterator(); it.hasNext() && r >= 0; ) {
            SentPacket p = it.next();
            while (r >= 0 && p.pn > ack.largest(r)) r--;
            if (r < 0) break;
            if (p.pn < ack.smallest(r)) continue;
            it.remove();
            if (p.pn > newlyPn) {
                newlyPn = p.pn;
                newlyTime = p.timeSent;
            }
            anyEliciting |= p.ackEliciting;
            onPacketAcked(space, p);
            recycle(p);
        }
        if (newlyPn < 0) return;
        if (ack.largest > space.largestAcked) space.largestAcked = ack.largest;
        if (space.level == EncryptionLevel.APPLICATION && newlyPn >= writePhaseStartPn) writePhaseAcked = true;
        if (newlyPn == ack.largest && anyEliciting) {
            long ackDelay = 0;
            if (space.level == EncryptionLevel.APPLICATION && peerParams != null) {
                ackDelay = (ack.ackDelay << peerParams.ackDelayExponent) * 1000L;
            }
            long maxAckDelay = peerParams == null ? 0 : peerParams.maxAckDelay * 1_000_000L;
            rtt.update(now - newlyTime, ackDelay, handshakeConfirmed, maxAckDelay);
        }
        lostFirstSent = NONE;
        lostLastSent = -1;
        detectLost(space, now);
        // Persistent congestion (RFC 9002 §7.6): losses spanning more than 3 PTOs with nothing acknowledged between.
        if (lostLastSent >= 0 && rtt.hasSample) {
            long span = (rtt.smoothed + Math.max(4 * rtt.var, RttEstimator.GRANULARITY)
                    + (peerParams == null ? 0 : peerParams.maxAckDelay * 1_000_000L)) * 3;
            boolean ackedBetween = newlyTime > lostFirstSent && newlyTime < lostLastSent;
            if (lostLastSent - lostFirstSent > span && !ackedBetween) cc.onPersistentCongestion();
        }
        ptoCount = 0;
        // Pending probes are moot once the peer shows progress.
        space.probes = 0;
    }

    private void onPacketAcked(PacketSpace space, SentPacket p) {
        if (p.inFlight) cc.onAcked(p.size, p.timeSent);
        if (p.ackEliciting) space.ackElicitingInFlight--;
        for (int i = 0; i < p.count; i++) {
            switch (p.kind[i]) {
                case SentPacket.CRYPTO:
                    space.cryptoSend.onAcked(p.offset[i], p.length[i], false);
                    break;
                case SentPacket.STREAM:
                case SentPacket.STREAM_FIN: {
                    Stream s = streams.get(p.id[i]);
                    if (s != null && s.send != null) {
                        s.send.onAcked(p.offset[i], p.length[i], p.kind[i] == SentPacket.STREAM_FIN);
                        if (!s.writableSignaled && s.send.writable() > 0 && !s.send.finWanted) {
                            s.writableSignaled = true;
                            events.add(ConnectionEvent.of(ConnectionEvent.Kind.STREAM_WRITABLE, s.id));
                        }
                        maybeRemove(s);
                    }
                    break;
                }
                case SentPacket.RESET_STREAM: {
                    Stream s = streams.get(p.id[i]);
                    if (s != null) {
                        s.resetAcked = true;
                        maybeRemove(s);
                    }
                    break;
                }
                default:
                    break;
            }
        }
    }

    private void detectLost(PacketSpace space, long now) {
        long lossDelay = rtt.lossDelay();
        long lostSendTime = now - lossDelay;
        space.lossTime = NONE;
        for (Iterator<SentPacket> it = space.sent.iterator(); it.hasNext(); ) {
            SentPacket p = it.next();
            if (p.pn > space.largestAcked) break;
            if (p.timeSent <= lostSendTime || space.largestAcked - p.pn >= 3) {
                it.remove();
                onPacketLost(space, p, now);
                recycle(p);
            } else {
                space.lossTime = Math.min(space.lossTime, p.timeSent + lossDelay);
            }
        }
    }

    private void onPacketLost(PacketSpace space, SentPacket p, long now) {
        if (p.inFlight) cc.onLost(p.size, p.timeSent, now);
        if (p.ackEliciting) {
            space.ackElicitingInFlight--;
            lostFirstSent = Math.min(lostFirstSent, p.timeSent);
            lostLastSent = Math.max(lostLastSent, p.timeSent);
        }
        requeue(space, p);
    }

    /** Puts what a packet carried back in line to be sent again. */
    private void requeue(PacketSpace space, SentPacket p) {
        for (int i = 0; i < p.count; i++) {
            Stream s;
            switch (p.kind[i]) {
                case SentPacket.CRYPTO:
                    space.cryptoSend.onLost(p.offset[i], p.length[i], false);
                    break;
                case SentPacket.STREAM:
                case SentPacket.STREAM_FIN:
                    s = streams.get(p.id[i]);
                    if (s != null && s.send != null && !s.resetSent && !s.resetPending) {
                        s.send.onLost(p.offset[i], p.length[i], p.kind[i] == SentPacket.STREAM_FIN);
                    }
                    break;
                case SentPacket.RESET_STREAM:
                    s = streams.get(p.id[i]);
                    if (s != null && !s.resetAcked) s.resetPending = true;
                    break;
                case SentPacket.STOP_SENDING:
                    s = streams.get(p.id[i]);
                    if (s != null && !s.recvDone()) s.stopSendingPending = true;
                    break;
                case SentPacket.MAX_DATA:
                    maxDataPending = true;
                    break;
                case SentPacket.MAX_STREAM_DATA:
                    s = streams.get(p.id[i]);
                    if (s != null && !s.recvDone() && !s.recv.isFinished()) s.maxDataPending = true;
                    break;
                case SentPacket.MAX_STREAMS_BIDI:
                    maxStreamsPending[0] = true;
                    break;
                case SentPacket.MAX_STREAMS_UNI:
                    maxStreamsPending[1] = true;
                    break;
                case SentPacket.NEW_CONNECTION_ID:
                    if (localCids.containsKey(p.id[i])) newCidPending.add(p.id[i]);
                    break;
                case SentPacket.RETIRE_CONNECTION_ID:
                    retireCidPending.add(p.id[i]);
                    break;
                case SentPacket.HANDSHAKE_DONE:
                    handshakeDonePending = true;
                    break;
                case SentPacket.NEW_TOKEN:
                    newTokenPending = true;
                    break;
                default:
                    break;
            }
        }
    }

    private void recycle(SentPacket p) {
        if (sentPool.size() < 1024) sentPool.add(p);
    }

    private void discardSpace(int si) {
        PacketSpace space = spaces[si];
        if (space.discarded) return;
        space.discarded = true;
        for (SentPacket p : space.sent) {
            if (p.inFlight) cc.onRemoved(p.size);
        }
        for (SentPacket p : space.sent) recycle(p);
        space.sent.clear();
        space.ackElicitingInFlight = 0;
        space.lossTime = NONE;
        space.readKeys = null;
        space.writeKeys = null;
        space.ackElicitingPending = false;
        space.ackNew = false;
        space.probes = 0;
        ptoCount = 0;
    }

    private long ptoDuration(int si) {
        long d = rtt.pto();
        if (si == APP && peerParams != null) d += peerParams.maxAckDelay * 1_000_000L;
        return d << Math.min(ptoCount, 20);
    }

    private void setLossTimer(long now) {
        lossTimer = NONE;
        if (state != State.HANDSHAKING && state != State.ESTABLISHED) return;
        for (PacketSpace s : spaces) {
            if (!s.discarded && s.lossTime < lossTimer) lossTimer = s.lossTime;
        }
        if (lossTimer != NONE) return;
        boolean anyInFlight = anyHandshakeRelevantInFlight();
        if (server && !addressValidated && amplificationBudget() <= 0) return; // nothing could be sent anyway
        if (!anyInFlight) {
            // A client keeps probing until the server validated its address (RFC 9002 §6.2.2.1).
            if (server || handshakeConfirmed || peerParams != null && handshakeComplete) return;
            lossTimer = now + (rtt.pto() << Math.min(ptoCount, 20));
            return;
        }
        for (int si = 0; si < 3; si++) {
            PacketSpace s = spaces[si];
            if (s.discarded || s.ackElicitingInFlight == 0) continue;
            if (si == APP && !handshakeConfirmed) continue;
            long t = s.lastAckElicitingSent + ptoDuration(si);
            if (t < lossTimer) lossTimer = t;
        }
    }

    /** In flight in a space that arms the PTO: 0-RTT packets do not before the handshake is confirmed. */
    private boolean anyHandshakeRelevantInFlight() {
        for (int si = 0; si < 3; si++) {
            PacketSpace s = spaces[si];
            if (!s.discarded && s.ackElicitingInFlight > 0 && (si != APP || handshakeConfirmed)) return true;
        }
        return false;
    }

    private void onLossTimeout(long now) {
        for (PacketSpace s : spaces) {
            if (!s.discarded && s.lossTime <= now) {
                detectLost(s, now);
                setLossTimer(now);
                return;
            }
        }
        boolean anyInFlight = anyHandshakeRelevantInFlight();
        if (!anyInFlight) {
            PacketSpace s = spaces[HANDSHAKE].writeKeys != null ? spaces[HANDSHAKE] : spaces[INITIAL];
            if (!s.discarded) {
                s.probes = 1;
                s.cryptoSend.requeueUnacked();
            }
        } else {
            int best = -1;
            long bestTime = NONE;
            for (int si = 0; si < 3; si++) {
                PacketSpace s = spaces[si];
                if (s.discarded || s.ackElicitingInFlight == 0 || si == APP && !handshakeConfirmed) continue;
                long t = s.lastAckElicitingSent + ptoDuration(si);
                if (t < bestTime) {
                    bestTime = t;
                    best = si;
                }
            }
            if (best >= 0 && best < APP) {
                // During the handshake, probe every space that still has data out: the peer may be unable to read
                // one of them yet (RFC 9002 §6.2.4).
                for (int si = INITIAL; si <= HANDSHAKE; si++) {
                    PacketSpace s = spaces[si];
                    if (s.discarded || s.writeKeys == null || s.ackElicitingInFlight == 0 && si != best) continue;
                    s.probes = si == best ? 2 : 1;
                    s.cryptoSend.requeueUnacked();
                }
            } else if (best >= 0) {
                PacketSpace s = spaces[best];
                s.probes = 2;
                s.cryptoSend.requeueUnacked();
                // Resend what the oldest outstanding packets carried, so the probe makes progress (RFC 9002 §6.2.4).
                int n = 0;
                for (SentPacket p : s.sent) {
                    if (!p.ackEliciting) continue;
                    requeue(s, p);
                    if (++n == 2) break;
                }
            }
        }
        ptoCount++;
        setLossTimer(now);
    }

    // ------------------------------------------------------------------------------------------------ timers

    /** The time handleTimeout must be called at, or Long.MAX_VALUE when nothing is scheduled. */
    public long nextTimeout() {
        if (state == State.CLOSED) return NONE;
        if (state == State.CLOSING || state == State.DRAINING) return closeDeadline;
        long t = Math.min(Math.min(lossTimer, idleDeadline), pacingRelease);
        for (PacketSpace s : spaces) {
            if (!s.discarded && s.ackElicitingPending) t = Math.min(t, s.ackDeadline);
        }
        return t;
    }

    public void handleTimeout(long now) {
        if (state == State.CLOSED) return;
        if (state == State.CLOSING || state == State.DRAINING) {
            if (now >= closeDeadline) state = State.CLOSED;
            return;
        }
        if (now >= pacingRelease) pacingRelease = NONE; // the next pollTransmit sends
        if (now >= idleDeadline) {
            enterClosed(TransportError.NO_ERROR, false, "idle timeout");
            return;
        }
        if (now >= lossTimer) onLossTimeout(now);
    }

    private void resetIdle(long now) {
        long local = config.maxIdleTimeoutMillis;
        long peer = peerParams == null ? 0 : peerParams.maxIdleTimeout;
        long ms = local == 0 ? peer : peer == 0 ? local : Math.min(local, peer);
        if (ms == 0) {
            idleDeadline = NONE;
            return;
        }
        idleDeadline = now + Math.max(ms * 1_000_000L, 3 * rtt.pto());
    }

    // ------------------------------------------------------------------------------------------------ closing

    private void startClosing(long now, long error, long frameType, boolean application, String reason) {
        if (state == State.CLOSING || state == State.DRAINING || state == State.CLOSED) return;
        closeError = error;
        closeFrameType = frameType;
        closeApplication = application;
        byte[] r = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        closeReason = r.length > 256 ? java.util.Arrays.copyOf(r, 256) : r;
        state = State.CLOSING;
        closeSendPending = true;
        closeDeadline = now + 3 * rtt.pto();
        events.add(ConnectionEvent.closed(error, application, reason, closedByPeer));
    }

    private void enterDraining(long now, long error, boolean application, String reason) {
        if (state == State.DRAINING || state == State.CLOSED) return;
        boolean wasClosing = state == State.CLOSING;
        state = State.DRAINING;
        closeDeadline = now + 3 * rtt.pto();
        if (!wasClosing) {
            events.add(ConnectionEvent.closed(error, application, reason, closedByPeer));
        }
    }

    private void enterClosed(long error, boolean application, String reason) {
        if (state == State.CLOSED) return;
        boolean announced = state == State.CLOSING || state == State.DRAINING;
        state = State.CLOSED;
        if (!announced) events.add(ConnectionEvent.closed(error, application, reason, closedByPeer));
    }

    // ------------------------------------------------------------------------------------------------ sending

    private long amplificationBudget() {
        if (!server || addressValidated) return Long.MAX_VALUE;
        return 3 * bytesReceived - bytesSent;
    }

    /**
     * Writes the next datagram to send into out[0..] and returns its length; 0 when there is nothing to send now.
     * Call repeatedly until it returns 0.
     */
    public int pollTransmit(long now, byte[] out) {
        try {
            int n = transmit(now, out);
            if (n > 0) {
                bytesSent += n;
                setLossTimer(now);
            }
            return n;
        } catch (RuntimeException e) {
            startClosing(now, TransportError.INTERNAL_ERROR, 0, false, String.valueOf(e));
            return 0;
        }
    }

    private int transmit(long now, byte[] out) {
        pacingRelease = NONE;
        if (state == State.CLOSED || state == State.DRAINING) return 0;
        long budget = amplificationBudget();
        int limit = (int) Math.min(config.maxDatagramSize, budget);
        if (state == State.CLOSING) {
            if (!closeSendPending) return 0;
            closeSendPending = false;
            return buildClose(out, Math.max(0, limit));
        }
        if (limit < 48) return 0;
        if (!withinKeyLimits(now)) return transmit(now, out);
        boolean[] send = sendSpaces;
        send[0] = send[1] = send[2] = false;
        int last = -1;
        boolean padInitial = false;
        boolean congestionOk = cc.available() >= config.maxDatagramSize;
        if (congestionOk && handshakeConfirmed && !pacer.allows(now, cc.window, rtt.smoothed)) {
            congestionOk = false;
            if (wantsToSend(APP, now, true)) pacingRelease = pacer.nextRelease(now, cc.window, rtt.smoothed);
        }
        for (int si = 0; si < 3; si++) {
            if (wantsToSend(si, now, congestionOk)) {
                send[si] = true;
                last = si;
                if (si == INITIAL && (!server || spaces[INITIAL].hasCryptoToSend() || spaces[INITIAL].probes > 0)) {
                    padInitial = true;
                }
            }
        }
        if (last < 0) return 0;
        if (padInitial && limit < MIN_INITIAL) return 0; // padded Initial would break the amplification limit
        int pos = 0;
        for (int si = 0; si <= last; si++) {
            if (!send[si]) continue;
            int padTo = (si == last && padInitial) ? MIN_INITIAL : 0;
            pos = buildPacket(si, out, pos, limit, now, padTo, congestionOk);
        }
        return pos;
    }

    private boolean wantsToSend(int si, long now, boolean congestionOk) {
        PacketSpace s = spaces[si];
        if (s.discarded) return false;
        if (s.writeKeys == null) {
            if (si != APP || !sendingZeroRtt() || !congestionOk) return false;
            for (Stream st : streams.values()) {
                if (st.send != null && !st.resetSent && (st.send.hasRetransmission() || hasCredit(st))) return true;
            }
            return false;
        }
        if (s.ackElicitingPending && s.ackDeadline <= now) return true;
        if (s.probes > 0) return true;
        if (si != APP && s.hasCryptoToSend()) return true;
        if (!congestionOk) return false;
        if (s.hasCryptoToSend()) return true;
        if (si != APP) return false;
        if (handshakeDonePending || newTokenPending || maxDataPending || maxStreamsPending[0] || maxStreamsPending[1]
                || !newCidPending.isEmpty() || !retireCidPending.isEmpty() || pathResponsePending != null) {
            return true;
        }
        if (!handshakeComplete && !canSendEarly()) return false;
        if (!outgoingDatagrams.isEmpty()) return true;
        if (streamsBlockedSentAt[0] < -1 || streamsBlockedSentAt[1] < -1) return true;
        for (Stream st : streams.values()) {
            if (st.resetPending || st.maxDataPending || st.stopSendingPending) return true;
            if (st.send != null && !st.resetSent && (st.send.hasRetransmission() || hasCredit(st))) return true;
        }
        return false;
    }

    /** Client: 0-RTT keys and no 1-RTT keys yet. */
    private boolean sendingZeroRtt() {
        return !server && zeroRttWrite != null && spaces[APP].writeKeys == null;
    }

    /** Stream data may go before the handshake completes: client 0-RTT, or a server's 0.5-RTT answer to accepted 0-RTT. */
    private boolean canSendEarly() {
        if (handshakeComplete) return false;
        return server ? earlyDataAccepted && spaces[APP].writeKeys != null : zeroRttWrite != null;
    }

    private boolean hasCredit(Stream st) {
        return (st.send.newBytes() > 0 && st.send.sentEnd() < st.peerMaxData && sentData < peerMaxData)
                || st.send.hasNewFin() || blockedToSignal(st);
    }

    private boolean blockedToSignal(Stream st) {
        return st.send.newBytes() > 0 && (st.send.sentEnd() >= st.peerMaxData && st.blockedSentAt != st.peerMaxData
                || sentData >= peerMaxData && dataBlockedSentAt != peerMaxData);
    }

    private int writeLongHeader(byte[] out, int pos, PacketType type, int pnLen) {
        out[pos++] = (byte) (0xc0 | (type.longTypeBits() << 4) | (pnLen - 1));
        out[pos++] = 0;
        out[pos++] = 0;
        out[pos++] = 0;
        out[pos++] = 1;
        out[pos++] = (byte) activePeerCid.cid.length();
        pos = activePeerCid.cid.writeTo(out, pos);
        ConnectionId scid = localParams.initialSourceConnectionId;
        out[pos++] = (byte) scid.length();
        pos = scid.writeTo(out, pos);
        if (type == PacketType.INITIAL) {
            pos = VarInt.write(out, pos, retryToken.length);
            System.arraycopy(retryToken, 0, out, pos, retryToken.length);
            pos += retryToken.length;
        }
        return pos;
    }

    /** Builds one packet of space si at out[start]; returns the new end (start when nothing was written). */
    private int buildPacket(int si, byte[] out, int start, int limit, long now, int padTo, boolean congestionOk) {
        PacketSpace space = spaces[si];
        long pn = space.nextPn;
        int pnLen = PacketNumber.encodedLength(pn, space.largestAcked);
        int pos;
        int lengthOff = -1;
        boolean zeroRtt = si == APP && space.writeKeys == null;
        if (si == APP && !zeroRtt) {
            out[start] = (byte) (0x40 | (keyPhase << 2) | (pnLen - 1));
            pos = activePeerCid.cid.writeTo(out, start + 1);
        } else {
            pos = writeLongHeader(out, start, zeroRtt ? PacketType.ZERO_RTT
                    : si == INITIAL ? PacketType.INITIAL : PacketType.HANDSHAKE, pnLen);
            lengthOff = pos;
            pos += 2; // length, two-byte varint filled in below
        }
        int pnOffset = pos;
        for (int i = pnLen - 1; i >= 0; i--) out[pos++] = (byte) (pn >>> (8 * i));
        int payloadStart = pos;
        int end = limit - TAG;
        if (end - payloadStart < 8) return start;
        SentPacket sp = sentPool.isEmpty() ? new SentPacket(pn, now) : sentPool.poll().reset(pn, now);
        boolean eliciting = false;

        // ACK first: it is what unblocks the peer most. (0-RTT packets carry none, RFC 9000 §12.5.)
        if (space.ackNew && !space.received.isEmpty() && !zeroRtt) {
            int n = 0;
            for (int i = space.received.size() - 1; i >= 0 && n < ackRanges.length / 2; i--, n++) {
                ackRanges[2 * n] = space.received.start(i);
                ackRanges[2 * n + 1] = space.received.end(i) - 1;
            }
            long delay = si == APP ? Math.max(0, (now - space.largestReceivedTime) / 1000) >> 3 : 0;
            int p = FrameWriter.ack(out, pos, ackRanges, n, delay, Math.min(end - pos, 256));
            if (p > pos) {
                pos = p;
                space.ackNew = false;
                space.ackElicitingPending = false;
                space.ackElicitingSinceAck = 0;
                space.ackDeadline = NONE;
            }
        }
        boolean mayElicit = congestionOk || space.probes > 0 || si != APP;
        if (mayElicit && si == APP && !zeroRtt) {
            int p0 = pos;
            pos = writeControlFrames(out, pos, end, sp);
            eliciting |= pos > p0;
        }
        if (mayElicit && !zeroRtt) {
            int p0 = pos;
            pos = writeCrypto(space, out, pos, end, sp);
            eliciting |= pos > p0;
        }
        if (mayElicit && si == APP && (handshakeComplete || canSendEarly())) {
            int p0 = pos;
            pos = writeDatagrams(out, pos, end);
            pos = writeStreams(out, pos, end, sp);
            eliciting |= pos > p0;
        }
        if (space.probes > 0 && !eliciting && end - pos >= 1) {
            pos = FrameWriter.ping(out, pos);
            eliciting = true;
        }
        if (pos == payloadStart) return start;
        // Header protection samples 16 bytes starting 4 after the packet number: ensure they exist.
        int minPayload = 4 - pnLen;
        if (pos - payloadStart < minPayload) pos = FrameWriter.padding(out, pos, minPayload - (pos - payloadStart));
        boolean padded = false;
        if (padTo > 0 && pos + TAG < padTo) {
            pos = FrameWriter.padding(out, pos, padTo - TAG - pos);
            padded = true;
        }
        if (lengthOff >= 0) VarInt.writeWithLength(out, lengthOff, pos - pnOffset + TAG, 2);
        int packetEnd = protector.seal(out, start, pnOffset, pnLen, pos - payloadStart, pn,
                zeroRtt ? zeroRttWrite : space.writeKeys, si != APP || zeroRtt);
        space.nextPn++;
        if (zeroRtt) zeroRttPacketsSent++;
        sp.size = packetEnd - start;
        sp.ackEliciting = eliciting;
        sp.inFlight = eliciting || padded;
        if (sp.inFlight) {
            cc.onSent(sp.size);
            if (si == APP) pacer.onSent(sp.size);
            space.sent.add(sp);
        } else {
            recycle(sp);
        }
        if (eliciting) {
            space.lastAckElicitingSent = now;
            space.ackElicitingInFlight++;
            if (space.probes > 0) space.probes--;
            if (!ackElicitingSentSinceReceive) {
                ackElicitingSentSinceReceive = true;
                resetIdle(now);
            }
        }
        if (!server && si == HANDSHAKE) discardSpace(INITIAL);
        return packetEnd;
    }

    private int writeCrypto(PacketSpace space, byte[] out, int pos, int end, SentPacket sp) {
        SendBuffer sb = space.cryptoSend;
        while (end - pos > 8) {
            long off;
            long avail;
            if (!sb.lostEmpty()) {
                off = sb.lostStart();
                avail = sb.lostEnd() - off;
            } else if (sb.newBytes() > 0) {
                off = sb.sentEnd();
                avail = sb.newBytes();
            } else {
                break;
            }
            int room = end - pos - FrameWriter.cryptoHeaderSize(off, (int) Math.min(avail, 16383));
            int n = (int) Math.min(avail, room);
            if (n <= 0) break;
            pos = FrameWriter.cryptoHeader(out, pos, off, n);
            sb.copy(off, out, pos, n);
            pos += n;
            sb.onSent(off, n, false);
            sp.add(SentPacket.CRYPTO, 0, off, n);
        }
        return pos;
    }

    private int writeControlFrames(byte[] out, int pos, int end, SentPacket sp) {
        if (handshakeDonePending && end - pos >= 1) {
            pos = FrameWriter.handshakeDone(out, pos);
            handshakeDonePending = false;
            sp.add(SentPacket.HANDSHAKE_DONE, 0, 0, 0);
        }
        if (newTokenPending && end - pos >= 1 + 8 + newToken.length) {
            pos = FrameWriter.newToken(out, pos, newToken);
            newTokenPending = false;
            sp.add(SentPacket.NEW_TOKEN, 0, 0, 0);
        }
        if (pathResponsePending != null && end - pos >= 9) {
            pos = FrameWriter.pathChallenge(out, pos, pathResponsePending, 0, true);
            pathResponsePending = null;
        }
        if (maxDataPending && end - pos >= 9) {
            pos = FrameWriter.maxData(out, pos, localMaxData);
            maxDataPending = false;
            sp.add(SentPacket.MAX_DATA, 0, 0, 0);
        }
        for (int t = 0; t < 2; t++) {
            if (maxStreamsPending[t] && end - pos >= 9) {
                pos = FrameWriter.maxStreams(out, pos, t == 0, localMaxStreams[t]);
                maxStreamsPending[t] = false;
                sp.add(t == 0 ? SentPacket.MAX_STREAMS_BIDI : SentPacket.MAX_STREAMS_UNI, 0, 0, 0);
            }
            if (streamsBlockedSentAt[t] < -1 && end - pos >= 9) {
                long limit = -2 - streamsBlockedSentAt[t];
                pos = FrameWriter.streamsBlocked(out, pos, t == 0, limit);
                streamsBlockedSentAt[t] = limit;
            }
        }
        while (!newCidPending.isEmpty() && end - pos >= 1 + 8 + 8 + 1 + 20 + 16) {
            long seq = newCidPending.poll();
            ConnectionId c = localCids.get(seq);
            if (c == null) continue;
            pos = FrameWriter.newConnectionId(out, pos, seq, 0, c.toBytes(), resetTokens.tokenFor(c));
            sp.add(SentPacket.NEW_CONNECTION_ID, seq, 0, 0);
        }
        while (!retireCidPending.isEmpty() && end - pos >= 9) {
            long seq = retireCidPending.poll();
            pos = FrameWriter.retireConnectionId(out, pos, seq);
            sp.add(SentPacket.RETIRE_CONNECTION_ID, seq, 0, 0);
        }
        for (Stream s : streams.values()) {
            if (end - pos < 30) break;
            if (s.resetPending) {
                pos = FrameWriter.resetStream(out, pos, s.id, s.resetCode, s.resetFinalSize);
                s.resetPending = false;
                s.resetSent = true;
                sp.add(SentPacket.RESET_STREAM, s.id, 0, 0);
            }
            if (s.stopSendingPending) {
                pos = FrameWriter.stopSending(out, pos, s.id, s.stopCode);
                s.stopSendingPending = false;
                sp.add(SentPacket.STOP_SENDING, s.id, 0, 0);
            }
            if (s.maxDataPending) {
                pos = FrameWriter.maxStreamData(out, pos, s.id, s.localMaxData);
                s.maxDataPending = false;
                sp.add(SentPacket.MAX_STREAM_DATA, s.id, 0, 0);
            }
        }
        return pos;
    }

    private int writeDatagrams(byte[] out, int pos, int end) {
        while (!outgoingDatagrams.isEmpty()) {
            byte[] d = outgoingDatagrams.peek();
            int need = 1 + VarInt.length(d.length) + d.length;
            if (need > end - pos) break;
            outgoingDatagrams.poll();
            pos = FrameWriter.datagramHeader(out, pos, d.length);
            System.arraycopy(d, 0, out, pos, d.length);
            pos += d.length;
        }
        return pos;
    }

    private int writeStreams(byte[] out, int pos, int end, SentPacket sp) {
        if (streamOrder.isEmpty()) return pos;
        // Round-robin across streams so one bulk stream cannot starve the rest.
        int n = streamOrder.size();
        int startAt = streamCursor % n;
        for (int k = 0; k < n && end - pos > 24; k++) {
            Stream s = streamOrder.get((startAt + k) % n);
            if (s.send == null || s.resetSent || s.resetPending) continue;
            SendBuffer sb = s.send;
            // lost data first
            while (sb.hasRetransmission() && end - pos > 24) {
                long off;
                int len;
                if (!sb.lostEmpty()) {
                    off = sb.lostStart();
                    len = (int) Math.min(sb.lostEnd() - off, Integer.MAX_VALUE);
                } else {
                    off = sb.writeEnd();
                    len = 0;
                }
                int room = end - pos - FrameWriter.streamHeaderSize(s.id, off, Math.min(len, 16383));
                int take = Math.min(len, room);
                if (take <= 0 && len > 0) break;
                boolean fin = sb.finWanted && off + take == sb.writeEnd() && sb.finSent;
                pos = FrameWriter.streamHeader(out, pos, s.id, off, take, fin, true);
                sb.copy(off, out, pos, take);
                pos += take;
                sb.onSent(off, take, fin);
                sp.add(fin ? SentPacket.STREAM_FIN : SentPacket.STREAM, s.id, off, take);
            }
            // then new data within flow control
            long credit = Math.min(s.peerMaxData - sb.sentEnd(), peerMaxData - sentData);
            long avail = Math.min(sb.newBytes(), Math.max(0, credit));
            if ((avail > 0 || sb.hasNewFin()) && end - pos > 24) {
                long off = sb.sentEnd();
                int room = end - pos - FrameWriter.streamHeaderSize(s.id, off, (int) Math.min(avail, 16383));
                int take = (int) Math.min(avail, room);
                if (take > 0 || (avail == 0 && sb.hasNewFin())) {
                    boolean fin = sb.finWanted && off + take == sb.writeEnd();
                    pos = FrameWriter.streamHeader(out, pos, s.id, off, take, fin, true);
                    sb.copy(off, out, pos, take);
                    pos += take;
                    sb.onSent(off, take, fin);
                    sentData += take;
                    sp.add(fin ? SentPacket.STREAM_FIN : SentPacket.STREAM, s.id, off, take);
                }
            }
            if (sb.newBytes() > 0 && end - pos > 20) {
                if (sb.sentEnd() >= s.peerMaxData && s.blockedSentAt != s.peerMaxData) {
                    pos = FrameWriter.streamDataBlocked(out, pos, s.id, s.peerMaxData);
                    s.blockedSentAt = s.peerMaxData;
                }
                if (sentData >= peerMaxData && dataBlockedSentAt != peerMaxData) {
                    pos = FrameWriter.dataBlocked(out, pos, peerMaxData);
                    dataBlockedSentAt = peerMaxData;
                }
            }
            if (end - pos <= 24) {
                streamCursor = startAt + k + 1;
                break;
            }
        }
        return pos;
    }

    /** CONNECTION_CLOSE in every space the peer may be able to read (RFC 9000 §10.2.3). */
    private int buildClose(byte[] out, int limit) {
        int pos = 0;
        for (int si = 0; si < 3; si++) {
            PacketSpace space = spaces[si];
            if (space.discarded || space.writeKeys == null) continue;
            if (si == APP && !handshakeComplete && spaces[HANDSHAKE].writeKeys != null && !server) continue;
            boolean app = closeApplication && si == APP;
            long code = closeApplication && si != APP ? TransportError.APPLICATION_ERROR : closeError;
            byte[] reason = closeApplication && si != APP ? new byte[0] : closeReason;
            int need = 64 + FrameWriter.connectionCloseSize(app, code, closeFrameType, reason);
            if (limit - pos < need) break;
            long pn = space.nextPn++;
            int pnLen = PacketNumber.encodedLength(pn, space.largestAcked);
            int start = pos;
            int lengthOff = -1;
            if (si == APP) {
                out[pos] = (byte) (0x40 | (keyPhase << 2) | (pnLen - 1));
                pos = activePeerCid.cid.writeTo(out, pos + 1);
            } else {
                pos = writeLongHeader(out, pos, si == INITIAL ? PacketType.INITIAL : PacketType.HANDSHAKE, pnLen);
                lengthOff = pos;
                pos += 2;
            }
            int pnOffset = pos;
            for (int i = pnLen - 1; i >= 0; i--) out[pos++] = (byte) (pn >>> (8 * i));
            int payloadStart = pos;
            pos = FrameWriter.connectionClose(out, pos, app, code, closeFrameType, reason);
            if (pos - payloadStart < 4) pos = FrameWriter.padding(out, pos, 4 - (pos - payloadStart));
            boolean padInitial = si == INITIAL && !server;
            if (padInitial && pos + TAG < MIN_INITIAL && limit >= MIN_INITIAL) {
                pos = FrameWriter.padding(out, pos, MIN_INITIAL - TAG - pos);
            }
            if (lengthOff >= 0) VarInt.writeWithLength(out, lengthOff, pos - pnOffset + TAG, 2);
            pos = protector.seal(out, start, pnOffset, pnLen, pos - payloadStart, pn, space.writeKeys, si != APP);
        }
        return pos;
    }

    // ------------------------------------------------------------------------------------------------ TLS

    private final class TlsCallbacks implements TlsListener {
        @Override
        public void sendCrypto(EncryptionLevel level, byte[] data, int off, int len) {
            int si = level == EncryptionLevel.INITIAL ? INITIAL : level == EncryptionLevel.HANDSHAKE ? HANDSHAKE : APP;
            spaces[si].cryptoSend.write(data, off, len);
        }

        @Override
        public void installKeys(EncryptionLevel level, PacketProtection read, PacketProtection write) {
            if (level == EncryptionLevel.EARLY_DATA) {
                if (server) {
                    zeroRttRead = read;
                } else if (rememberedParams != null) {
                    zeroRttWrite = write;
                }
                return;
            }
            int si = level == EncryptionLevel.INITIAL ? INITIAL : level == EncryptionLevel.HANDSHAKE ? HANDSHAKE : APP;
            if (spaces[si].discarded) return;
            if (read != null) spaces[si].readKeys = read;
            if (write != null) spaces[si].writeKeys = write;
        }

        @Override
        public void handshakeComplete() {
            handshakeComplete = true;
        }

        @Override
        public boolean acceptEarlyData(byte[] remembered) {
            // RFC 9000 §7.4.1 and RFC 9221 §3: accepting 0-RTT promises limits no lower than the ticket's.
            try {
                TransportParameters r = TransportParameters.decode(remembered, true);
                return localParams.initialMaxData >= r.initialMaxData
                        && localParams.initialMaxStreamDataBidiLocal >= r.initialMaxStreamDataBidiLocal
                        && localParams.initialMaxStreamDataBidiRemote >= r.initialMaxStreamDataBidiRemote
                        && localParams.initialMaxStreamDataUni >= r.initialMaxStreamDataUni
                        && localParams.initialMaxStreamsBidi >= r.initialMaxStreamsBidi
                        && localParams.initialMaxStreamsUni >= r.initialMaxStreamsUni
                        && localParams.activeConnectionIdLimit >= r.activeConnectionIdLimit
                        && localParams.maxDatagramFrameSize >= r.maxDatagramFrameSize;
            } catch (QuicException e) {
                return false;
            }
        }

        @Override
        public void earlyDataOffered(byte[] remembered) {
            try {
                TransportParameters r = TransportParameters.decode(remembered, true);
                rememberedParams = r;
                peerMaxData = r.initialMaxData;
                peerMaxStreams[0] = r.initialMaxStreamsBidi;
                peerMaxStreams[1] = r.initialMaxStreamsUni;
            } catch (QuicException e) {
                rememberedParams = null; // unusable: no 0-RTT keys get installed, the data waits for 1-RTT
            }
        }

        @Override
        public void earlyDataAccepted() {
            earlyDataAccepted = true;
            events.add(ConnectionEvent.of(ConnectionEvent.Kind.EARLY_DATA_ACCEPTED, -1));
        }

        @Override
        public void earlyDataRejected() {
            earlyDataRejected = true;
            if (!server) {
                zeroRttWrite = null;
                resendZeroRtt();
            }
            events.add(ConnectionEvent.of(ConnectionEvent.Kind.EARLY_DATA_REJECTED, -1));
        }

        @Override
        public void sessionTicket(SessionTicket ticket) {
            latestTicket = ticket;
            events.add(new ConnectionEvent(ConnectionEvent.Kind.SESSION_TICKET, -1, 0, false, null, ticket.toBytes()));
        }
    }
}
