package dev.socketiwa.quic.tls;

import java.util.ArrayList;
import java.util.List;

/** Codecs of the TLS 1.3 handshake messages QUIC uses (RFC 8446 §4). Bodies only; framing is {@link #frame}. */
final class HandshakeMessages {
    /** SHA-256("HelloRetryRequest"): the ServerHello.random that marks a HelloRetryRequest (RFC 8446 §4.1.3). */
    static final byte[] HRR_RANDOM = hex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

    private HandshakeMessages() {
    }

    /** Handshake framing: type (1), length (3), body. */
    static byte[] frame(int type, TlsWriter body) {
        TlsWriter w = new TlsWriter(body.length() + 4);
        w.u8(type).u24(body.length()).bytes(body.array(), 0, body.length());
        return w.toByteArray();
    }

    record ClientHello(byte[] random, byte[] sessionId, int[] cipherSuites, byte[] compressionMethods,
                       List<Extension> extensions) {

        static ClientHello decode(byte[] body) throws TlsAlertException {
            TlsReader r = new TlsReader(body);
            r.u16(); // legacy_version: ignored in favour of supported_versions (RFC 8446 §4.1.2)
            byte[] random = r.bytes(32);
            byte[] sid = r.opaque8();
            if (sid.length > 32) {
                throw new TlsAlertException(Alert.DECODE_ERROR, "legacy_session_id longer than 32");
            }
            TlsReader suites = r.vec16();
            if (suites.remaining() < 2 || (suites.remaining() & 1) != 0) {
                throw new TlsAlertException(Alert.DECODE_ERROR, "bad cipher_suites length");
            }
            int[] cs = new int[suites.remaining() / 2];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = suites.u16();
            }
            byte[] comp = r.opaque8();
            if (comp.length == 0) {
                throw new TlsAlertException(Alert.DECODE_ERROR, "no compression methods");
            }
            List<Extension> exts = r.hasRemaining() ? Extension.readList(r) : new ArrayList<>();
            r.expectEnd();
            return new ClientHello(random, sid, cs, comp, exts);
        }

        byte[] encode() {
            TlsWriter w = new TlsWriter(512);
            w.u16(0x0303).bytes(random).u8(sessionId.length).bytes(sessionId);
            w.u16(cipherSuites.length * 2);
            for (int c : cipherSuites) {
                w.u16(c);
            }
            w.u8(compressionMethods.length).bytes(compressionMethods);
            Extension.writeList(w, extensions);
            return frame(HandshakeType.CLIENT_HELLO, w);
        }
    }

    record ServerHello(int legacyVersion, byte[] random, byte[] sessionIdEcho, int cipherSuite, int compression,
                       List<Extension> extensions) {

        boolean isHelloRetryRequest() {
            return java.util.Arrays.equals(random, HRR_RANDOM);
        }

        static ServerHello decode(byte[] body) throws TlsAlertException {
            TlsReader r = new TlsReader(body);
            int version = r.u16();
            byte[] random = r.bytes(32);
            byte[] sid = r.opaque8();
            if (sid.length > 32) {
                throw new TlsAlertException(Alert.DECODE_ERROR, "legacy_session_id_echo longer than 32");
            }
            int suite = r.u16();
            int comp = r.u8();
            List<Extension> exts = Extension.readList(r);
            r.expectEnd();
            return new ServerHello(version, random, sid, suite, comp, exts);
        }

        byte[] encode() {
            TlsWriter w = new TlsWriter(160);
            w.u16(0x0303).bytes(random).u8(sessionIdEcho.length).bytes(sessionIdEcho).u16(cipherSuite).u8(0);
            Extension.writeList(w, extensions);
            return frame(HandshakeType.SERVER_HELLO, w);
        }
    }

    static List<Extension> decodeEncryptedExtensions(byte[] body) throws TlsAlertException {
        TlsReader r = new TlsReader(body);
        List<Extension> exts = Extension.readList(r);
        r.expectEnd();
        return exts;
    }

    static byte[] encodeEncryptedExtensions(List<Extension> exts) {
        TlsWriter w = new TlsWriter();
        Extension.writeList(w, exts);
        return frame(HandshakeType.ENCRYPTED_EXTENSIONS, w);
    }

    record CertificateMessage(byte[] context, List<byte[]> certificates) {
        static CertificateMessage decode(byte[] body) throws TlsAlertException {
            TlsReader r = new TlsReader(body);
            byte[] ctx = r.opaque8();
            TlsReader list = r.vec24();
            r.expectEnd();
            List<byte[]> certs = new ArrayList<>();
            while (list.hasRemaining()) {
                byte[] der = list.opaque24();
                if (der.length == 0) {
                    throw new TlsAlertException(Alert.DECODE_ERROR, "empty certificate entry");
                }
                list.vec16(); // per-entry extensions (OCSP, SCT): not used
                certs.add(der);
            }
            return new CertificateMessage(ctx, certs);
        }

        byte[] encode() {
            TlsWriter w = new TlsWriter(1024);
            w.u8(context.length).bytes(context);
            int l = w.beginLength(3);
            for (byte[] c : certificates) {
                w.u24(c.length).bytes(c).u16(0);
            }
            w.endLength(l);
            return frame(HandshakeType.CERTIFICATE, w);
        }
    }

    record CertificateVerify(int scheme, byte[] signature) {
        static CertificateVerify decode(byte[] body) throws TlsAlertException {
            TlsReader r = new TlsReader(body);
            int scheme = r.u16();
            byte[] sig = r.opaque16();
            r.expectEnd();
            if (sig.length == 0) {
                throw new TlsAlertException(Alert.DECODE_ERROR, "empty signature");
            }
            return new CertificateVerify(scheme, sig);
        }

        byte[] encode() {
            TlsWriter w = new TlsWriter(signature.length + 4);
            w.u16(scheme).u16(signature.length).bytes(signature);
            return frame(HandshakeType.CERTIFICATE_VERIFY, w);
        }
    }

    /** NewSessionTicket (RFC 8446 §4.6.1); maxEarlyData 0 means no early_data extension. */
    record NewSessionTicket(long lifetime, long ageAdd, byte[] nonce, byte[] ticket, long maxEarlyData) {
        static NewSessionTicket decode(byte[] body) throws TlsAlertException {
            TlsReader r = new TlsReader(body);
            long lifetime = r.u32();
            long ageAdd = r.u32();
            byte[] nonce = r.opaque8();
            byte[] ticket = r.opaque16();
            List<Extension> exts = Extension.readList(r);
            r.expectEnd();
            if (ticket.length == 0) {
                throw new TlsAlertException(Alert.DECODE_ERROR, "empty ticket in NewSessionTicket");
            }
            if (lifetime > 7 * 24 * 3600) {
                throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "ticket lifetime over 7 days");
            }
            Extension early = Extension.find(exts, ExtensionType.EARLY_DATA);
            long max = early == null ? 0 : Extensions.readEarlyDataTicket(early.data());
            return new NewSessionTicket(lifetime, ageAdd, nonce, ticket, max);
        }

        byte[] encode() {
            TlsWriter w = new TlsWriter(ticket.length + 64);
            w.u32(lifetime).u32(ageAdd).u8(nonce.length).bytes(nonce).u16(ticket.length).bytes(ticket);
            List<Extension> exts = new ArrayList<>();
            if (maxEarlyData != 0) {
                exts.add(Extensions.earlyDataTicket(maxEarlyData));
            }
            Extension.writeList(w, exts);
            return frame(HandshakeType.NEW_SESSION_TICKET, w);
        }
    }

    static byte[] encodeFinished(byte[] verifyData) {
        return frame(HandshakeType.FINISHED, new TlsWriter(verifyData.length).bytes(verifyData));
    }

    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
