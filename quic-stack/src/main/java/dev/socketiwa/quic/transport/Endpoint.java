package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.crypto.PacketProtection;
import dev.socketiwa.quic.crypto.portable.PortableCryptoProvider;
import dev.socketiwa.quic.frame.FrameWriter;
import dev.socketiwa.quic.packet.ConnectionId;
import dev.socketiwa.quic.packet.Header;
import dev.socketiwa.quic.packet.LongHeader;
import dev.socketiwa.quic.packet.PacketProtector;
import dev.socketiwa.quic.packet.PacketType;
import dev.socketiwa.quic.packet.StatelessReset;
import dev.socketiwa.quic.packet.VarInt;
import dev.socketiwa.quic.packet.VersionNegotiation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Routes datagrams to connections by destination connection ID, accepts new server connections on valid client
 * Initials, answers unknown versions with Version Negotiation and unknown short-header packets with a stateless reset.
 * As a server it validates client addresses with Retry when its policy asks and hands out NEW_TOKEN tokens; as a
 * client it keeps the tokens servers gave it for the next connection to the same server. Sans-IO like
 * {@link Connection}; remote addresses are opaque objects the caller chooses (with equals, and "host:port" text).
 */
public final class Endpoint implements ConnectionIdListener {
    private static final int[] SUPPORTED_VERSIONS = {Header.VERSION_1};
    private static final int MAX_STORED_TOKENS = 256;

    private final QuicConfig config;
    private final TlsFactory serverTls;
    private final InitialKeysFactory keys;
    private final Randomness random;
    private final StatelessResetTokens resetTokens;
    private final AddressTokens addressTokens;
    /** Server connections whose handshake may still be running (pruned lazily when counted). */
    private final ArrayList<Connection> handshaking = new ArrayList<>();
    /** Client: NEW_TOKEN tokens received, by server address, each used once. */
    private final LinkedHashMap<Object, byte[]> storedTokens = new LinkedHashMap<>();
    private final int maxConnections;
    private final HashMap<ConnectionId, Connection> byCid = new HashMap<>();
    private final ArrayList<Connection> connections = new ArrayList<>();
    private final ArrayDeque<Connection> accepted = new ArrayDeque<>();
    private final ArrayDeque<byte[]> ownPackets = new ArrayDeque<>();
    private final ArrayDeque<Object> ownRemotes = new ArrayDeque<>();
    private final Header header = new Header();
    private final ConnectionId.Probe probe = new ConnectionId.Probe();
    private final byte[] scratch = new byte[64];
    private final PacketProtector protector = new PacketProtector();
    private static final byte[] NO_REASON = new byte[0];
    private int cursor;
    private Object transmitRemote;
    private Connection transmitConnection;

    /** serverTls null: a client-only endpoint that never accepts connections. */
    public Endpoint(QuicConfig config, TlsFactory serverTls, InitialKeysFactory keys, Randomness random, byte[] resetSecret,
                    int maxConnections) {
        this.config = config;
        this.serverTls = serverTls;
        this.keys = keys;
        this.random = random;
        this.resetTokens = new StatelessResetTokens(resetSecret);
        // Tokens are sealed with the provider the Initial keys come from; otherwise (tests with their own key factory)
        // with the portable one, which is fine: a token costs one seal per handshake.
        this.addressTokens = new AddressTokens(keys instanceof CryptoKeys ? ((CryptoKeys) keys).provider()
                : new PortableCryptoProvider(random::nextBytes), config);
        this.maxConnections = maxConnections;
    }

    public Connection connect(long now, TlsFactory clientTls, Object remote) {
        Connection c = Connection.client(config, clientTls, keys, random, resetTokens, now);
        c.setRemote(remote);
        c.setConnectionIdListener(this);
        byte[] token = storedTokens.remove(remote);
        if (token != null) c.setInitialToken(token);
        c.setTokenListener(this::rememberToken);
        connections.add(c);
        return c;
    }

    /**
     * Client: keeps a token a server sent in NEW_TOKEN, for the next {@link #connect} to that address (apps that persist
     * tokens across restarts can feed them back here). A later token for the same server replaces an earlier one.
     */
    public void rememberToken(Object server, byte[] token) {
        storedTokens.remove(server);
        if (storedTokens.size() >= MAX_STORED_TOKENS) {
            Iterator<Object> oldest = storedTokens.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        storedTokens.put(server, token.clone());
    }

    /** Client: the token the next connection to this server will present, or null. */
    public byte[] storedToken(Object server) {
        byte[] t = storedTokens.get(server);
        return t == null ? null : t.clone();
    }

    /** The next server connection created since the last call, or null. */
    public Connection accept() {
        return accepted.poll();
    }

    public int connectionCount() {
        return connections.size();
    }

    public void handleDatagram(long now, byte[] buf, int off, int len, Object from) {
        int end = off + len;
        if (!header.parse(buf, off, end, config.localConnectionIdLength)) return;
        Connection c = lookup(buf, header.dcidOff, header.dcidLen);
        if (c != null) {
            c.handleDatagram(now, buf, off, len, from);
            return;
        }
        if (header.type == null) {
            // Unknown version: tell the client what we speak, but only for datagrams big enough to be an Initial.
            if (len >= Header.MIN_INITIAL_SIZE) {
                byte[] out = new byte[7 + header.dcidLen + header.scidLen + 4 * SUPPORTED_VERSIONS.length];
                random.nextBytes(scratch, 0, 1);
                int n = VersionNegotiation.write(out, 0, buf, header.scidOff, header.scidLen, buf, header.dcidOff,
                        header.dcidLen, scratch[0], SUPPORTED_VERSIONS);
                queue(java.util.Arrays.copyOf(out, n), from);
            }
            return;
        }
        if (header.type == PacketType.INITIAL) {
            if (serverTls == null || len < Header.MIN_INITIAL_SIZE || header.dcidLen < 8) return;
            if (connections.size() >= maxConnections) return;
            long nowMillis = now / 1_000_000L;
            ConnectionId retryOdcid = null;
            boolean validated = false;
            switch (addressTokens.check(nowMillis, buf, header.tokenOff, header.tokenLen, from)) {
                case AddressTokens.RETRY_VALID:
                    retryOdcid = addressTokens.odcid;
                    validated = true;
                    break;
                case AddressTokens.RETRY_INVALID:
                    // Forged, from elsewhere or expired: the client would refuse a second Retry, so tell it at once.
                    closeInvalidToken(buf, from);
                    return;
                case AddressTokens.NEW_TOKEN_VALID:
                    validated = true;
                    break;
                default:
                    break; // no token, not ours, or a stale NEW_TOKEN one: as if there were none (RFC 9000 §8.1.3)
            }
            if (!validated && (config.requireRetry || config.addressValidation.requireRetry(handshakesInProgress()))) {
                sendRetry(buf, from, nowMillis);
                return;
            }
            Connection nc = Connection.server(config, serverTls, keys, random, resetTokens, this, buf, header, from, now,
                    retryOdcid);
            if (validated) nc.markAddressValidated();
            if (config.newTokenLifetimeMillis > 0) nc.setNewTokenIssuer(addressTokens::issueNewToken);
            handshakesInProgress(); // prunes finished handshakes, so the list stays as short as the load
            handshaking.add(nc);
            byCid.put(ConnectionId.of(buf, header.dcidOff, header.dcidLen), nc);
            connections.add(nc);
            accepted.add(nc);
            nc.handleDatagram(now, buf, off, len, from);
            return;
        }
        if (header.type == PacketType.ONE_RTT) {
            for (Connection known : connections) {
                if (known.handleStatelessReset(now, buf, off, len)) return;
            }
        }
        if (header.type == PacketType.ONE_RTT && len > StatelessReset.MIN_LENGTH + 1) {
            byte[] token = resetTokens.tokenFor(buf, header.dcidOff, header.dcidLen);
            byte[] out = new byte[43];
            random.nextBytes(scratch, 0, 43);
            int n = StatelessReset.write(out, 0, len, token, scratch);
            if (n > 0) queue(java.util.Arrays.copyOf(out, n), from);
        }
    }

    /** A Retry (RFC 9000 §17.2.5) with a new connection ID and a token bound to the client's address. */
    private void sendRetry(byte[] buf, Object from, long nowMillis) {
        ConnectionId odcid = ConnectionId.of(buf, header.dcidOff, header.dcidLen);
        byte[] newScid = new byte[config.localConnectionIdLength];
        random.nextBytes(newScid, 0, newScid.length);
        byte[] token = addressTokens.issueRetry(nowMillis, odcid, from);
        byte[] p = new byte[7 + header.scidLen + newScid.length + token.length + 16];
        random.nextBytes(scratch, 0, 1);
        int q = LongHeader.write(p, 0, 0xf0 | (scratch[0] & 0x0f), Header.VERSION_1,
                buf, header.scidOff, header.scidLen, newScid, 0, newScid.length);
        System.arraycopy(token, 0, p, q, token.length);
        q += token.length;
        byte[] od = odcid.toBytes();
        byte[] tag = keys.retryTag(od, 0, od.length, p, 0, q);
        if (tag == null) return; // no Retry support in this key factory
        System.arraycopy(tag, 0, p, q, 16);
        queue(p, from);
    }

    /**
     * Answers an Initial carrying an invalid Retry token with CONNECTION_CLOSE(INVALID_TOKEN) in an Initial packet,
     * keeping no state (RFC 9000 §8.1.2); otherwise the client would only learn by timing out. The answer is far smaller
     * than the 1200-byte Initial, so it amplifies nothing.
     */
    private void closeInvalidToken(byte[] buf, Object from) {
        PacketProtection pp = keys.initialKeys(buf, header.dcidOff, header.dcidLen).server();
        byte[] p = new byte[7 + header.scidLen + header.dcidLen + 1 + 2 + 1 + 20 + 16];
        // Initial with a 1-byte packet number; our SCID is the connection ID the client is using for us.
        int q = LongHeader.write(p, 0, 0xc0, Header.VERSION_1,
                buf, header.scidOff, header.scidLen, buf, header.dcidOff, header.dcidLen);
        p[q++] = 0; // no token
        int lengthOff = q;
        q += 2;
        int pnOffset = q;
        p[q++] = 0; // packet number 0
        int payloadStart = q;
        q = FrameWriter.connectionClose(p, q, false, TransportError.INVALID_TOKEN, 0, NO_REASON);
        q = FrameWriter.padding(p, q, payloadStart + 20 - q); // enough bytes for the header-protection sample
        VarInt.writeWithLength(p, lengthOff, q - pnOffset + 16, 2);
        int end = protector.seal(p, 0, pnOffset, 1, q - payloadStart, 0, pp, true);
        queue(java.util.Arrays.copyOf(p, end), from);
    }

    /** Server handshakes not yet complete (counting prunes the finished ones). */
    int handshakesInProgress() {
        for (int i = handshaking.size() - 1; i >= 0; i--) {
            Connection c = handshaking.get(i);
            if (c.isHandshakeComplete() || c.isClosed() || c.state() == Connection.State.CLOSING
                    || c.state() == Connection.State.DRAINING) {
                handshaking.set(i, handshaking.get(handshaking.size() - 1));
                handshaking.remove(handshaking.size() - 1);
            }
        }
        return handshaking.size();
    }

    private Connection lookup(byte[] buf, int off, int len) {
        if (len > ConnectionId.MAX_LENGTH) return null;
        return byCid.get(probe.set(buf, off, len));
    }

    private void queue(byte[] packet, Object to) {
        if (ownPackets.size() >= 64) return; // under a flood, drop our own stateless answers
        ownPackets.add(packet);
        ownRemotes.add(to);
    }

    /**
     * Writes the next datagram to send into out and returns its length (0: nothing to send). The destination is then
     * {@link #transmitRemote()}.
     */
    public int pollTransmit(long now, byte[] out) {
        if (!ownPackets.isEmpty()) {
            byte[] p = ownPackets.poll();
            transmitRemote = ownRemotes.poll();
            transmitConnection = null;
            System.arraycopy(p, 0, out, 0, p.length);
            return p.length;
        }
        int n = connections.size();
        for (int k = 0; k < n; k++) {
            cursor = (cursor + 1) % n;
            Connection c = connections.get(cursor);
            int len = c.pollTransmit(now, out);
            if (len > 0) {
                transmitRemote = c.remote();
                transmitConnection = c;
                return len;
            }
        }
        return 0;
    }

    public Object transmitRemote() {
        return transmitRemote;
    }

    /** The connection whose datagram pollTransmit returned last (null for the endpoint's own packets). */
    public Connection transmitConnection() {
        return transmitConnection;
    }

    public long nextTimeout() {
        long t = Long.MAX_VALUE;
        for (Connection c : connections) t = Math.min(t, c.nextTimeout());
        return t;
    }

    public void handleTimeout(long now) {
        for (Iterator<Connection> it = connections.iterator(); it.hasNext(); ) {
            Connection c = it.next();
            if (c.nextTimeout() <= now) c.handleTimeout(now);
            if (c.isClosed()) {
                it.remove();
                byCid.values().removeIf(x -> x == c);
            }
        }
    }

    @Override
    public void issued(Connection connection, ConnectionId cid) {
        byCid.put(cid, connection);
    }

    @Override
    public void retired(Connection connection, ConnectionId cid) {
        byCid.remove(cid);
    }
}
