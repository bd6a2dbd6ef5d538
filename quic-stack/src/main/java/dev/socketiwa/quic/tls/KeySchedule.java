package dev.socketiwa.quic.tls;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.Hkdf;
import java.nio.charset.StandardCharsets;

/**
 * The TLS 1.3 key schedule (RFC 8446 §7.1) for one handshake: the early secret comes from the resumption PSK, or from
 * zeros for a full handshake.
 */
final class KeySchedule {
    private final CryptoProvider p;
    private final int h;
    private final byte[] earlySecret;
    private byte[] handshakeSecret;
    private byte[] masterSecret;
    byte[] clientHandshakeSecret;
    byte[] serverHandshakeSecret;
    byte[] clientApplicationSecret;
    byte[] serverApplicationSecret;

    KeySchedule(CryptoProvider p, CipherSuite suite) {
        this(p, suite, null);
    }

    /** With a resumption PSK (RFC 8446 §4.6.1), or null for a full handshake. */
    KeySchedule(CryptoProvider p, CipherSuite suite, byte[] psk) {
        this.p = p;
        this.h = suite.hashLength();
        this.earlySecret = Hkdf.extract(p, h, null, psk != null ? psk : new byte[h]);
    }

    /** The PSK binder (RFC 8446 §4.2.11.2) over Hash(transcript up to the truncated ClientHello). */
    byte[] binder(byte[] truncatedTranscriptHash) {
        byte[] binderKey = deriveSecret(earlySecret, "res binder", emptyHash());
        return finishedVerifyData(binderKey, truncatedTranscriptHash);
    }

    /** client_early_traffic_secret: clientHelloHash = Hash(ClientHello). */
    byte[] clientEarlyTrafficSecret(byte[] clientHelloHash) {
        return deriveSecret(earlySecret, "c e traffic", clientHelloHash);
    }

    /** The PSK a ticket with this nonce stands for (RFC 8446 §4.6.1). */
    byte[] ticketPsk(byte[] resumptionMasterSecret, byte[] nonce) {
        return Hkdf.expandLabel(p, h, resumptionMasterSecret, "resumption", nonce, h);
    }

    byte[] earlySecret() {
        return earlySecret;
    }

    private byte[] emptyHash() {
        return p.hash(h, new byte[0], 0, 0);
    }

    byte[] deriveSecret(byte[] secret, String label, byte[] transcriptHash) {
        return Hkdf.expandLabel(p, h, secret, label, transcriptHash, h);
    }

    /** After ServerHello: transcriptHash = Hash(ClientHello..ServerHello). */
    void handshake(byte[] ecdheSharedSecret, byte[] transcriptHash) {
        byte[] derived = deriveSecret(earlySecret, "derived", emptyHash());
        handshakeSecret = Hkdf.extract(p, h, derived, ecdheSharedSecret);
        clientHandshakeSecret = deriveSecret(handshakeSecret, "c hs traffic", transcriptHash);
        serverHandshakeSecret = deriveSecret(handshakeSecret, "s hs traffic", transcriptHash);
    }

    byte[] handshakeSecret() {
        return handshakeSecret;
    }

    /** After the server Finished: transcriptHash = Hash(ClientHello..server Finished). */
    void application(byte[] transcriptHash) {
        byte[] derived = deriveSecret(handshakeSecret, "derived", emptyHash());
        masterSecret = Hkdf.extract(p, h, derived, new byte[h]);
        clientApplicationSecret = deriveSecret(masterSecret, "c ap traffic", transcriptHash);
        serverApplicationSecret = deriveSecret(masterSecret, "s ap traffic", transcriptHash);
    }

    byte[] masterSecret() {
        return masterSecret;
    }

    /** For session tickets (issue 9): transcriptHash = Hash(ClientHello..client Finished). */
    byte[] resumptionMasterSecret(byte[] transcriptHash) {
        return deriveSecret(masterSecret, "res master", transcriptHash);
    }

    /** Finished.verify_data = HMAC(finished_key(baseKey), transcriptHash) (RFC 8446 §4.4.4). */
    byte[] finishedVerifyData(byte[] baseKey, byte[] transcriptHash) {
        byte[] finishedKey = Hkdf.expandLabel(p, h, baseKey, "finished", null, h);
        return p.hmac(h, finishedKey, transcriptHash, 0, transcriptHash.length);
    }

    /** The content a CertificateVerify signs (RFC 8446 §4.4.3). */
    static byte[] certificateVerifyContent(boolean server, byte[] transcriptHash) {
        byte[] context = (server ? "TLS 1.3, server CertificateVerify" : "TLS 1.3, client CertificateVerify")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[64 + context.length + 1 + transcriptHash.length];
        for (int i = 0; i < 64; i++) {
            out[i] = 0x20;
        }
        System.arraycopy(context, 0, out, 64, context.length);
        System.arraycopy(transcriptHash, 0, out, 64 + context.length + 1, transcriptHash.length);
        return out;
    }

    /** Constant-time equality for Finished values. */
    static boolean equal(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false;
        }
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            d |= a[i] ^ b[i];
        }
        return d == 0;
    }
}
