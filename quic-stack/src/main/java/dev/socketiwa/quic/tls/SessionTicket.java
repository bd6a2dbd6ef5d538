package dev.socketiwa.quic.tls;

import dev.socketiwa.quic.crypto.CipherSuite;
import java.nio.charset.StandardCharsets;

/**
 * What a client keeps from a server's NewSessionTicket to resume later (RFC 8446 §4.6.1), plus what QUIC needs for
 * 0-RTT (RFC 9000 §7.4.1): the server's transport parameters of the connection that issued it. Immutable; survives
 * a restart through {@link #toBytes()} / {@link #fromBytes(byte[])}. The PSK inside is a secret: store it like one.
 */
public final class SessionTicket {
    private static final int FORMAT = 1;

    private final CipherSuite suite;
    private final byte[] identity;
    private final byte[] psk;
    private final long ageAdd;
    private final long lifetimeSeconds;
    private final long receivedAtMillis;
    private final long maxEarlyData;
    private final String alpn;
    private final String serverName;
    private final byte[] serverTransportParameters;

    SessionTicket(CipherSuite suite, byte[] identity, byte[] psk, long ageAdd, long lifetimeSeconds, long receivedAtMillis,
                  long maxEarlyData, String alpn, String serverName, byte[] serverTransportParameters) {
        this.suite = suite;
        this.identity = identity;
        this.psk = psk;
        this.ageAdd = ageAdd;
        this.lifetimeSeconds = lifetimeSeconds;
        this.receivedAtMillis = receivedAtMillis;
        this.maxEarlyData = maxEarlyData;
        this.alpn = alpn;
        this.serverName = serverName;
        this.serverTransportParameters = serverTransportParameters;
    }

    public CipherSuite cipherSuite() {
        return suite;
    }

    /** The ALPN protocol of the connection that got the ticket: 0-RTT is only possible with the same one. */
    public String alpn() {
        return alpn;
    }

    /** The server_name the client sent then (null when none). */
    public String serverName() {
        return serverName;
    }

    /** Whether the server allows 0-RTT with this ticket (QUIC servers announce 0xffffffff, RFC 9001 §4.6.1). */
    public boolean allowsEarlyData() {
        return maxEarlyData != 0;
    }

    public long lifetimeSeconds() {
        return lifetimeSeconds;
    }

    public long receivedAtMillis() {
        return receivedAtMillis;
    }

    /** Whether the ticket is still within its lifetime at nowMillis. */
    public boolean isValidAt(long nowMillis) {
        long age = nowMillis - receivedAtMillis;
        return age >= 0 && age <= lifetimeSeconds * 1000L;
    }

    /** The raw quic_transport_parameters the server sent on the connection that issued this ticket. */
    public byte[] serverTransportParameters() {
        return serverTransportParameters.clone();
    }

    byte[] identity() {
        return identity;
    }

    byte[] psk() {
        return psk;
    }

    /** obfuscated_ticket_age (RFC 8446 §4.2.11.1): the age in ms plus ticket_age_add, modulo 2^32. */
    long obfuscatedAge(long nowMillis) {
        return (Math.max(0, nowMillis - receivedAtMillis) + ageAdd) & 0xffffffffL;
    }

    public byte[] toBytes() {
        TlsWriter w = new TlsWriter(256 + identity.length + serverTransportParameters.length);
        w.u8(FORMAT).u16(suite.code());
        w.u16(identity.length).bytes(identity);
        w.u8(psk.length).bytes(psk);
        w.u32(ageAdd).u32(lifetimeSeconds).u64(receivedAtMillis).u32(maxEarlyData);
        byte[] a = alpn.getBytes(StandardCharsets.UTF_8);
        w.u8(a.length).bytes(a);
        byte[] s = serverName == null ? new byte[0] : serverName.getBytes(StandardCharsets.US_ASCII);
        w.u8(serverName == null ? 0 : 1).u16(s.length).bytes(s);
        w.u16(serverTransportParameters.length).bytes(serverTransportParameters);
        return w.toByteArray();
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a ticket saved by {@link #toBytes()} of this version
     */
    public static SessionTicket fromBytes(byte[] data) {
        try {
            TlsReader r = new TlsReader(data);
            if (r.u8() != FORMAT) {
                throw new IllegalArgumentException("not a saved session ticket of format " + FORMAT
                        + ": discard it and make a full connection to get a new one");
            }
            CipherSuite suite = CipherSuite.fromCode(r.u16());
            byte[] identity = r.opaque16();
            byte[] psk = r.opaque8();
            long ageAdd = r.u32();
            long lifetime = r.u32();
            long received = r.u64();
            long maxEarly = r.u32();
            String alpn = new String(r.opaque8(), StandardCharsets.UTF_8);
            boolean hasName = r.u8() == 1;
            byte[] name = r.opaque16();
            byte[] tp = r.opaque16();
            r.expectEnd();
            if (suite == null || identity.length == 0 || psk.length != suite.hashLength() || alpn.isEmpty()) {
                throw new IllegalArgumentException("saved session ticket is inconsistent: discard it");
            }
            return new SessionTicket(suite, identity, psk, ageAdd, lifetime, received, maxEarly, alpn,
                    hasName ? new String(name, StandardCharsets.US_ASCII) : null, tp);
        } catch (TlsAlertException e) {
            throw new IllegalArgumentException("saved session ticket is truncated or corrupt (" + e.getMessage()
                    + "): discard it and make a full connection to get a new one");
        }
    }

    @Override
    public String toString() {
        return "SessionTicket[" + suite + ", alpn " + alpn + ", lifetime " + lifetimeSeconds + " s"
                + (allowsEarlyData() ? ", 0-RTT" : "") + "]";
    }
}
