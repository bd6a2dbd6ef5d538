package dev.socketiwa.quic.tls;

import static dev.socketiwa.quic.crypto.Hex.decode;
import static dev.socketiwa.quic.crypto.Hex.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.KeyShare;
import dev.socketiwa.quic.crypto.NamedGroup;
import dev.socketiwa.quic.crypto.RandomSource;
import dev.socketiwa.quic.crypto.SignatureScheme;
import dev.socketiwa.quic.crypto.VerificationKey;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.crypto.portable.PortableCryptoProvider;
import dev.socketiwa.quic.tls.HandshakeMessages.CertificateMessage;
import dev.socketiwa.quic.tls.HandshakeMessages.CertificateVerify;
import dev.socketiwa.quic.tls.HandshakeMessages.ClientHello;
import dev.socketiwa.quic.tls.HandshakeMessages.ServerHello;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The key schedule, message codecs, X25519 and RSA-PSS verification against RFC 8448 §3, with both providers. */
class Rfc8448KeyScheduleTest {

    static Stream<Function<RandomSource, CryptoProvider>> providers() {
        return Stream.of(PortableCryptoProvider::new, JcaCryptoProvider::new);
    }

    /** A "random" source that hands out fixed bytes: lets the provider rebuild the trace's X25519 key pairs. */
    static RandomSource fixed(byte[] bytes) {
        return (buf, off, len) -> System.arraycopy(bytes, 0, buf, off, len);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void x25519FromTraceKeys(Function<RandomSource, CryptoProvider> make) {
        KeyShare client = make.apply(fixed(decode(Rfc8448Trace.CLIENT_X25519_PRIVATE))).generateKeyShare(NamedGroup.X25519);
        KeyShare server = make.apply(fixed(decode(Rfc8448Trace.SERVER_X25519_PRIVATE))).generateKeyShare(NamedGroup.X25519);
        assertEquals(Rfc8448Trace.CLIENT_X25519_PUBLIC, encode(client.publicKey()));
        assertEquals(Rfc8448Trace.SERVER_X25519_PUBLIC, encode(server.publicKey()));
        assertEquals(Rfc8448Trace.ECDHE, encode(client.agree(server.publicKey())));
        assertEquals(Rfc8448Trace.ECDHE, encode(server.agree(client.publicKey())));
        assertEquals(null, client.agree(new byte[32]), "all-zero (small order) peer key is refused");
        assertEquals(null, client.agree(new byte[31]));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void keyScheduleAndFinished(Function<RandomSource, CryptoProvider> make) throws Exception {
        CryptoProvider p = make.apply(fixed(new byte[32]));
        CipherSuite suite = CipherSuite.TLS_AES_128_GCM_SHA256;
        Transcript t = new Transcript();
        KeySchedule ks = new KeySchedule(p, suite);
        assertEquals(Rfc8448Trace.EARLY_SECRET, encode(ks.earlySecret()));

        t.add(decode(Rfc8448Trace.CLIENT_HELLO));
        t.add(decode(Rfc8448Trace.SERVER_HELLO));
        assertEquals(Rfc8448Trace.HASH_CH_SH, encode(t.hash(p, 32)));
        ks.handshake(decode(Rfc8448Trace.ECDHE), t.hash(p, 32));
        assertEquals(Rfc8448Trace.HANDSHAKE_SECRET, encode(ks.handshakeSecret()));
        assertEquals(Rfc8448Trace.C_HS_TRAFFIC, encode(ks.clientHandshakeSecret));
        assertEquals(Rfc8448Trace.S_HS_TRAFFIC, encode(ks.serverHandshakeSecret));

        t.add(decode(Rfc8448Trace.ENCRYPTED_EXTENSIONS));
        t.add(decode(Rfc8448Trace.CERTIFICATE));
        byte[] cvContent = KeySchedule.certificateVerifyContent(true, t.hash(p, 32));
        t.add(decode(Rfc8448Trace.CERTIFICATE_VERIFY));
        byte[] serverFinished = ks.finishedVerifyData(ks.serverHandshakeSecret, t.hash(p, 32));
        assertEquals(Rfc8448Trace.SERVER_FINISHED, "14000020" + encode(serverFinished));
        t.add(decode(Rfc8448Trace.SERVER_FINISHED));
        assertEquals(Rfc8448Trace.HASH_CH_SF, encode(t.hash(p, 32)));
        ks.application(t.hash(p, 32));
        assertEquals(Rfc8448Trace.MASTER_SECRET, encode(ks.masterSecret()));
        assertEquals(Rfc8448Trace.C_AP_TRAFFIC, encode(ks.clientApplicationSecret));
        assertEquals(Rfc8448Trace.S_AP_TRAFFIC, encode(ks.serverApplicationSecret));
        byte[] clientFinished = ks.finishedVerifyData(ks.clientHandshakeSecret, t.hash(p, 32));
        assertEquals(Rfc8448Trace.CLIENT_FINISHED, "14000020" + encode(clientFinished));
        t.add(decode(Rfc8448Trace.CLIENT_FINISHED));
        assertEquals(Rfc8448Trace.RES_MASTER, encode(ks.resumptionMasterSecret(t.hash(p, 32))));

        // The trace's server signs with RSA-PSS: our certificate parsing and verification must accept it ...
        CertificateMessage cert = CertificateMessage.decode(body(Rfc8448Trace.CERTIFICATE));
        VerificationKey key = p.publicKeyOf(cert.certificates().get(0));
        assertNotNull(key);
        CertificateVerify cv = CertificateVerify.decode(body(Rfc8448Trace.CERTIFICATE_VERIFY));
        assertEquals(SignatureScheme.RSA_PSS_RSAE_SHA256.code(), cv.scheme());
        assertTrue(key.verify(SignatureScheme.RSA_PSS_RSAE_SHA256, cvContent, 0, cvContent.length, cv.signature()));
        // ... and reject it for another transcript or another scheme.
        cvContent[cvContent.length - 1] ^= 1;
        assertFalse(key.verify(SignatureScheme.RSA_PSS_RSAE_SHA256, cvContent, 0, cvContent.length, cv.signature()));
        assertFalse(key.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, cvContent, 0, cvContent.length, cv.signature()));
    }

    @org.junit.jupiter.api.Test
    void codecsReadAndRewriteTheTraceMessages() throws Exception {
        ClientHello ch = ClientHello.decode(body(Rfc8448Trace.CLIENT_HELLO));
        assertEquals(0, ch.sessionId().length);
        assertArrayEquals(new int[] {0x1301, 0x1303, 0x1302}, ch.cipherSuites());
        assertEquals("server", Extensions.readServerName(Extension.find(ch.extensions(), ExtensionType.SERVER_NAME).data()));
        List<KeyShareEntry> shares = Extensions.readKeyShareClient(Extension.find(ch.extensions(), ExtensionType.KEY_SHARE).data());
        assertEquals(1, shares.size());
        assertEquals(Rfc8448Trace.CLIENT_X25519_PUBLIC, encode(shares.get(0).keyExchange()));
        assertEquals(Rfc8448Trace.CLIENT_HELLO, encode(ch.encode()), "re-encoding gives the same bytes");

        ServerHello sh = ServerHello.decode(body(Rfc8448Trace.SERVER_HELLO));
        assertFalse(sh.isHelloRetryRequest());
        assertEquals(0x1301, sh.cipherSuite());
        assertEquals(Rfc8448Trace.SERVER_HELLO, encode(sh.encode()));
        assertEquals(Rfc8448Trace.CERTIFICATE, encode(CertificateMessage.decode(body(Rfc8448Trace.CERTIFICATE)).encode()));
        assertEquals(Rfc8448Trace.CERTIFICATE_VERIFY,
                encode(CertificateVerify.decode(body(Rfc8448Trace.CERTIFICATE_VERIFY)).encode()));
        assertEquals(Rfc8448Trace.ENCRYPTED_EXTENSIONS, encode(HandshakeMessages.encodeEncryptedExtensions(
                HandshakeMessages.decodeEncryptedExtensions(body(Rfc8448Trace.ENCRYPTED_EXTENSIONS)))));
    }

    static byte[] body(String message) {
        byte[] m = decode(message);
        return Arrays.copyOfRange(m, 4, m.length);
    }
}
