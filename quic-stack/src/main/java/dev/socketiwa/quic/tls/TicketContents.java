package dev.socketiwa.quic.tls;

import java.nio.charset.StandardCharsets;

/**
 * The server's state sealed inside a ticket: enough to resume without server memory. The transport parameters are
 * the ones this server sent, so a later 0-RTT acceptance can check it does not reduce them (RFC 9000 §7.4.1).
 */
record TicketContents(int suite, byte[] psk, long ageAdd, long issuedAtMillis, long lifetimeSeconds, boolean earlyData,
                      String alpn, String serverName, byte[] transportParameters) {
    private static final int FORMAT = 1;

    byte[] encode() {
        TlsWriter w = new TlsWriter(160 + transportParameters.length);
        w.u8(FORMAT).u16(suite).u8(psk.length).bytes(psk).u32(ageAdd).u64(issuedAtMillis).u32(lifetimeSeconds);
        w.u8(earlyData ? 1 : 0);
        byte[] a = alpn.getBytes(StandardCharsets.UTF_8);
        w.u8(a.length).bytes(a);
        byte[] s = serverName == null ? new byte[0] : serverName.getBytes(StandardCharsets.US_ASCII);
        w.u8(serverName == null ? 0 : 1).u16(s.length).bytes(s);
        w.u16(transportParameters.length).bytes(transportParameters);
        return w.toByteArray();
    }

    /** Null when the (authenticated, so ours) plaintext has another format. */
    static TicketContents decode(byte[] plain) {
        try {
            TlsReader r = new TlsReader(plain);
            if (r.u8() != FORMAT) {
                return null;
            }
            int suite = r.u16();
            byte[] psk = r.opaque8();
            long ageAdd = r.u32();
            long issued = r.u64();
            long lifetime = r.u32();
            boolean early = r.u8() == 1;
            String alpn = new String(r.opaque8(), StandardCharsets.UTF_8);
            boolean hasName = r.u8() == 1;
            byte[] name = r.opaque16();
            byte[] tp = r.opaque16();
            r.expectEnd();
            return new TicketContents(suite, psk, ageAdd, issued, lifetime, early, alpn,
                    hasName ? new String(name, StandardCharsets.US_ASCII) : null, tp);
        } catch (TlsAlertException e) {
            return null;
        }
    }
}
