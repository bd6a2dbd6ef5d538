package dev.socketiwa.quic.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.EncryptionLevel;
import dev.socketiwa.quic.crypto.NamedGroup;
import dev.socketiwa.quic.crypto.SignatureScheme;
import dev.socketiwa.quic.crypto.Signer;
import dev.socketiwa.quic.tls.HandshakeMessages.ClientHello;
import dev.socketiwa.quic.tls.HandshakeMessages.ServerHello;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Misbehaving peers and bad input end in the right alert, never in another exception. */
class HandshakeAlertTest {
    static final TestCertificates.Identity EC = HandshakeTest.EC;

    private static HandshakeHarness standard() {
        CryptoProvider sp = HandshakeTest.portable(2);
        return HandshakeTest.harness(HandshakeTest.portable(1), sp, HandshakeTest.clientConfig(), HandshakeTest.serverConfig(sp, EC));
    }

    private static HandshakeHarness.Interceptor rewriteClientHello(UnaryOperator<ClientHello> f) {
        return (from, level, data) -> {
            if (!from.equals("client") || level != EncryptionLevel.INITIAL) {
                return data;
            }
            try {
                return f.apply(ClientHello.decode(Arrays.copyOfRange(data, 4, data.length))).encode();
            } catch (TlsAlertException e) {
                throw new AssertionError(e);
            }
        };
    }

    private static ClientHello withoutExtension(ClientHello ch, int type) {
        List<Extension> exts = new ArrayList<>(ch.extensions());
        exts.removeIf(e -> e.type() == type);
        return new ClientHello(ch.random(), ch.sessionId(), ch.cipherSuites(), ch.compressionMethods(), exts);
    }

    private static void assertServerAlert(HandshakeHarness h, int alert) {
        h.run();
        assertNotNull(h.serverAlert, "server should have raised " + Alert.name(alert));
        assertEquals(alert, h.serverAlert.alert(), h.serverAlert.getMessage());
        assertTrue(!h.server.isHandshakeComplete());
    }

    private static void assertClientAlert(HandshakeHarness h, int alert) {
        h.run();
        assertNull(h.serverAlert);
        assertNotNull(h.clientAlert, "client should have raised " + Alert.name(alert));
        assertEquals(alert, h.clientAlert.alert(), h.clientAlert.getMessage());
        assertTrue(!h.client.isHandshakeComplete());
    }

    @Test
    void alpnMismatchIsNoApplicationProtocol() {
        CryptoProvider sp = HandshakeTest.portable(2);
        HandshakeHarness h = HandshakeTest.harness(HandshakeTest.portable(1), sp,
                new TlsClientConfig("localhost", List.of("h3"), CertificateTrust.ACCEPT_ANY),
                HandshakeTest.serverConfig(sp, EC).alpn("echo"));
        assertServerAlert(h, Alert.NO_APPLICATION_PROTOCOL);
        assertEquals(0x0178L, h.serverAlert.quicErrorCode());
    }

    @Test
    void clientHelloWithoutAlpnIsNoApplicationProtocol() {
        HandshakeHarness h = standard();
        h.interceptor = rewriteClientHello(ch -> withoutExtension(ch, ExtensionType.ALPN));
        assertServerAlert(h, Alert.NO_APPLICATION_PROTOCOL);
    }

    @Test
    void missingTransportParametersIsMissingExtension() {
        HandshakeHarness h = standard();
        h.interceptor = rewriteClientHello(ch -> withoutExtension(ch, ExtensionType.QUIC_TRANSPORT_PARAMETERS));
        assertServerAlert(h, Alert.MISSING_EXTENSION);
    }

    @Test
    void missingSupportedVersionsIsProtocolVersion() {
        HandshakeHarness h = standard();
        h.interceptor = rewriteClientHello(ch -> withoutExtension(ch, ExtensionType.SUPPORTED_VERSIONS));
        assertServerAlert(h, Alert.PROTOCOL_VERSION);
    }

    @Test
    void middleboxCompatibilitySessionIdIsRefused() {
        HandshakeHarness h = standard();
        h.interceptor = rewriteClientHello(ch -> new ClientHello(ch.random(), new byte[32], ch.cipherSuites(),
                ch.compressionMethods(), ch.extensions()));
        assertServerAlert(h, Alert.ILLEGAL_PARAMETER);
    }

    @Test
    void duplicateExtensionIsIllegalParameter() {
        HandshakeHarness h = standard();
        h.interceptor = rewriteClientHello(ch -> {
            List<Extension> exts = new ArrayList<>(ch.extensions());
            exts.add(exts.get(0));
            return new ClientHello(ch.random(), ch.sessionId(), ch.cipherSuites(), ch.compressionMethods(), exts);
        });
        assertServerAlert(h, Alert.ILLEGAL_PARAMETER);
    }

    @Test
    void keyShareOfWrongLengthIsIllegalParameter() {
        HandshakeHarness h = standard();
        h.interceptor = rewriteClientHello(ch -> {
            List<Extension> exts = new ArrayList<>(ch.extensions());
            exts.replaceAll(e -> e.type() == ExtensionType.KEY_SHARE
                    ? Extensions.keyShareClient(List.of(new KeyShareEntry(NamedGroup.X25519.code(), new byte[31]))) : e);
            return new ClientHello(ch.random(), ch.sessionId(), ch.cipherSuites(), ch.compressionMethods(), exts);
        });
        assertServerAlert(h, Alert.ILLEGAL_PARAMETER);
    }

    @Test
    void noCommonSuiteOrGroupIsHandshakeFailure() {
        CryptoProvider sp = HandshakeTest.portable(2);
        HandshakeHarness h = HandshakeTest.harness(HandshakeTest.portable(1), sp,
                HandshakeTest.clientConfig().cipherSuites(CipherSuite.TLS_AES_256_GCM_SHA384),
                HandshakeTest.serverConfig(sp, EC).cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256));
        assertServerAlert(h, Alert.HANDSHAKE_FAILURE);

        h = HandshakeTest.harness(HandshakeTest.portable(1), sp,
                HandshakeTest.clientConfig().groups(NamedGroup.X25519),
                HandshakeTest.serverConfig(sp, EC).groups(NamedGroup.SECP256R1));
        assertServerAlert(h, Alert.HANDSHAKE_FAILURE);
    }

    @Test
    void badClientFinishedIsDecryptError() {
        HandshakeHarness h = standard();
        h.interceptor = (from, level, data) -> from.equals("client") && level == EncryptionLevel.HANDSHAKE
                ? HandshakeHarness.flipLastByte().apply(data) : data;
        assertServerAlert(h, Alert.DECRYPT_ERROR);
        assertNull(h.serverSide.read.get(EncryptionLevel.APPLICATION), "no 1-RTT read keys without a valid Finished");
    }

    @Test
    void badServerFinishedIsDecryptError() {
        HandshakeHarness h = standard();
        h.interceptor = (from, level, data) -> from.equals("server") && level == EncryptionLevel.HANDSHAKE
                ? HandshakeHarness.flipLastByte().apply(data) : data;
        assertClientAlert(h, Alert.DECRYPT_ERROR);
        assertNull(h.clientSide.write.get(EncryptionLevel.APPLICATION));
    }

    @Test
    void badCertificateVerifySignatureIsDecryptError() {
        CryptoProvider sp = HandshakeTest.portable(2);
        Signer real = sp.signer(EC.pkcs8());
        Signer broken = new Signer() {
            @Override
            public SignatureScheme scheme() {
                return real.scheme();
            }

            @Override
            public byte[] sign(byte[] data, int off, int len) {
                byte[] other = Arrays.copyOfRange(data, off, off + len);
                other[other.length - 1] ^= 1; // a valid signature over other content
                return real.sign(other, 0, other.length);
            }
        };
        HandshakeHarness h = HandshakeTest.harness(HandshakeTest.portable(1), sp, HandshakeTest.clientConfig(),
                new TlsServerConfig(List.of(EC.certificate()), broken).alpn("echo"));
        assertClientAlert(h, Alert.DECRYPT_ERROR);
    }

    @Test
    void untrustedCertificateIsBadCertificate() {
        CryptoProvider sp = HandshakeTest.portable(2);
        HandshakeHarness h = HandshakeTest.harness(HandshakeTest.portable(1), sp,
                new TlsClientConfig("localhost", List.of("echo"), CertificateTrust.pinned(TestCertificates.ecdsaP256().certificate())),
                HandshakeTest.serverConfig(sp, EC));
        assertClientAlert(h, Alert.BAD_CERTIFICATE);
    }

    @Test
    void invalidServerKeyShareIsIllegalParameter() {
        HandshakeHarness h = standard();
        h.interceptor = (from, level, data) -> {
            if (!from.equals("server") || level != EncryptionLevel.INITIAL) {
                return data;
            }
            try {
                ServerHello sh = ServerHello.decode(Arrays.copyOfRange(data, 4, data.length));
                List<Extension> exts = new ArrayList<>(sh.extensions());
                exts.replaceAll(e -> e.type() == ExtensionType.KEY_SHARE
                        ? Extensions.keyShareServer(new KeyShareEntry(NamedGroup.X25519.code(), new byte[32])) : e);
                return new ServerHello(sh.legacyVersion(), sh.random(), sh.sessionIdEcho(), sh.cipherSuite(), 0, exts).encode();
            } catch (TlsAlertException e) {
                throw new AssertionError(e);
            }
        };
        assertClientAlert(h, Alert.ILLEGAL_PARAMETER);
    }

    @Test
    void secondHelloRetryRequestIsUnexpectedMessage() {
        CryptoProvider sp = HandshakeTest.portable(2);
        HandshakeHarness h = HandshakeTest.harness(HandshakeTest.portable(1), sp, HandshakeTest.clientConfig(),
                HandshakeTest.serverConfig(sp, EC).groups(NamedGroup.SECP256R1));
        boolean[] first = {true};
        h.interceptor = (from, level, data) -> {
            if (from.equals("server") && level == EncryptionLevel.INITIAL && first[0]) {
                first[0] = false;
                byte[] twice = Arrays.copyOf(data, data.length * 2);
                System.arraycopy(data, 0, twice, data.length, data.length);
                return twice;
            }
            return data;
        };
        assertClientAlert(h, Alert.UNEXPECTED_MESSAGE);
    }

    @Test
    void messagesAtTheWrongLevelOrOutOfOrderAreUnexpected() throws Exception {
        HandshakeHarness h = standard();
        h.client.start();
        byte[] ch = (byte[]) h.clientSide.outbox.peek()[1];
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> h.server.receive(EncryptionLevel.HANDSHAKE, ch, 0, ch.length));
        assertEquals(Alert.UNEXPECTED_MESSAGE, e.alert());
        // The engine stays failed with the same alert.
        assertSame(e, assertThrows(TlsAlertException.class, () -> h.server.receive(EncryptionLevel.INITIAL, ch, 0, ch.length)));

        HandshakeHarness h2 = standard();
        byte[] finished = HandshakeMessages.encodeFinished(new byte[32]);
        assertEquals(Alert.UNEXPECTED_MESSAGE, assertThrows(TlsAlertException.class,
                () -> h2.server.receive(EncryptionLevel.INITIAL, finished, 0, finished.length)).alert());
        HandshakeHarness h3 = standard();
        h3.client.start();
        assertEquals(Alert.UNEXPECTED_MESSAGE, assertThrows(TlsAlertException.class,
                () -> h3.client.receive(EncryptionLevel.INITIAL, ch, 0, ch.length)).alert(), "ClientHello sent to a client");
        assertEquals(Alert.UNEXPECTED_MESSAGE, assertThrows(TlsAlertException.class,
                () -> standard().server.receive(EncryptionLevel.EARLY_DATA, ch, 0, ch.length)).alert());
    }

    @Test
    void truncatedAndOversizedMessagesAreDecodeErrors() {
        HandshakeHarness h = standard();
        h.client.start();
        byte[] ch = (byte[]) h.clientSide.outbox.peek()[1];
        // Header claims 40 bytes and 40 bytes follow, but they are only the start of a ClientHello.
        byte[] cut = Arrays.copyOf(ch, 44);
        cut[1] = 0;
        cut[2] = 0;
        cut[3] = 40;
        assertEquals(Alert.DECODE_ERROR, assertThrows(TlsAlertException.class,
                () -> standard().server.receive(EncryptionLevel.INITIAL, cut, 0, cut.length)).alert());
        byte[] huge = {1, 0x7f, 0, 0};
        assertEquals(Alert.DECODE_ERROR, assertThrows(TlsAlertException.class,
                () -> standard().server.receive(EncryptionLevel.INITIAL, huge, 0, huge.length)).alert());
    }

    @Test
    void partialMessagesWaitForMoreBytes() throws Exception {
        HandshakeHarness h = standard();
        h.client.start();
        byte[] ch = (byte[]) h.clientSide.outbox.poll()[1];
        for (int i = 0; i < ch.length; i++) {
            h.server.receive(EncryptionLevel.INITIAL, ch, i, 1);
        }
        assertEquals(2, h.serverSide.outbox.size(), "ServerHello and the Handshake flight after byte-by-byte delivery");
    }

    @Test
    void mutatedClientHellosNeverEscapeAsOtherExceptions() throws Exception {
        HandshakeHarness ref = standard();
        ref.client.start();
        byte[] ch = (byte[]) ref.clientSide.outbox.peek()[1];
        Random r = new Random(42);
        int alerts = 0;
        for (int i = 0; i < 400; i++) {
            byte[] m = ch.clone();
            int flips = 1 + r.nextInt(4);
            for (int k = 0; k < flips; k++) {
                m[4 + r.nextInt(m.length - 4)] = (byte) r.nextInt();
            }
            HandshakeHarness h = standard();
            try {
                h.server.receive(EncryptionLevel.INITIAL, m, 0, m.length);
            } catch (TlsAlertException e) {
                alerts++;
                assertNotEquals(Alert.INTERNAL_ERROR, e.alert(), e.getMessage());
            }
        }
        assertTrue(alerts > 100, "most mutations must be rejected, got " + alerts);
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[r.nextInt(300)];
            r.nextBytes(junk);
            try {
                standard().server.receive(EncryptionLevel.INITIAL, junk, 0, junk.length);
            } catch (TlsAlertException e) {
                assertNotEquals(Alert.INTERNAL_ERROR, e.alert(), e.getMessage());
            }
        }
    }

    @Test
    void mutatedServerFlightsNeverEscapeAsOtherExceptions() {
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            HandshakeHarness h = standard();
            h.interceptor = (from, level, data) -> {
                if (!from.equals("server")) {
                    return data;
                }
                byte[] m = data.clone();
                if (r.nextInt(3) == 0) {
                    m[r.nextInt(m.length)] ^= (byte) (1 + r.nextInt(255));
                }
                return m;
            };
            h.run();
            if (h.clientAlert != null) {
                assertNotEquals(Alert.INTERNAL_ERROR, h.clientAlert.alert(), h.clientAlert.getMessage());
            }
        }
    }

    @Test
    void clientEchoesTheHelloRetryRequestCookie() throws Exception {
        CryptoProvider sp = HandshakeTest.portable(2);
        HandshakeHarness h = HandshakeTest.harness(HandshakeTest.portable(1), sp, HandshakeTest.clientConfig(),
                HandshakeTest.serverConfig(sp, EC).groups(NamedGroup.SECP256R1));
        byte[] cookieBody = {0, 3, 7, 8, 9};
        List<byte[]> clientInitials = new ArrayList<>();
        h.interceptor = (from, level, data) -> {
            if (from.equals("client") && level == EncryptionLevel.INITIAL) {
                clientInitials.add(data);
            }
            if (from.equals("server") && level == EncryptionLevel.INITIAL && clientInitials.size() == 1) {
                try {
                    ServerHello hrr = ServerHello.decode(Arrays.copyOfRange(data, 4, data.length));
                    assertTrue(hrr.isHelloRetryRequest());
                    List<Extension> exts = new ArrayList<>(hrr.extensions());
                    exts.add(new Extension(ExtensionType.COOKIE, cookieBody));
                    return new ServerHello(hrr.legacyVersion(), hrr.random(), hrr.sessionIdEcho(), hrr.cipherSuite(), 0, exts).encode();
                } catch (TlsAlertException e) {
                    throw new AssertionError(e);
                }
            }
            return data;
        };
        h.run();
        assertEquals(2, clientInitials.size());
        ClientHello second = ClientHello.decode(Arrays.copyOfRange(clientInitials.get(1), 4, clientInitials.get(1).length));
        Extension cookie = Extension.find(second.extensions(), ExtensionType.COOKIE);
        assertNotNull(cookie, "the retried ClientHello carries the cookie");
        assertTrue(Arrays.equals(cookieBody, cookie.data()));
        List<KeyShareEntry> shares = Extensions.readKeyShareClient(Extension.find(second.extensions(), ExtensionType.KEY_SHARE).data());
        assertEquals(1, shares.size());
        assertEquals(NamedGroup.SECP256R1.code(), shares.get(0).group());
        // The server saw a different HelloRetryRequest than the client (we injected the cookie), so the transcripts
        // differ: the client must refuse the server's CertificateVerify/Finished rather than succeed.
        assertNotNull(h.clientAlert);
        assertEquals(Alert.DECRYPT_ERROR, h.clientAlert.alert(), h.clientAlert.getMessage());
    }

    @Test
    void nonEmptyClientCertificateIsRefusedWhileClientAuthIsUnsupported() {
        CryptoProvider sp = HandshakeTest.portable(2);
        HandshakeHarness h = HandshakeTest.harness(HandshakeTest.portable(1), sp, HandshakeTest.clientConfig(),
                HandshakeTest.serverConfig(sp, EC).requestClientCertificate());
        h.interceptor = (from, level, data) -> {
            if (from.equals("client") && level == EncryptionLevel.HANDSHAKE) {
                // Replace the client's empty Certificate (first 8 bytes) with one carrying a certificate.
                byte[] cert = new HandshakeMessages.CertificateMessage(new byte[0], List.of(EC.certificate())).encode();
                byte[] out = Arrays.copyOf(cert, cert.length + data.length - 8);
                System.arraycopy(data, 8, out, cert.length, data.length - 8);
                return out;
            }
            return data;
        };
        assertServerAlert(h, Alert.UNSUPPORTED_CERTIFICATE);
    }

    private static HandshakeHarness.Interceptor rewriteServerHello(UnaryOperator<ServerHello> f) {
        return (from, level, data) -> {
            if (!from.equals("server") || level != EncryptionLevel.INITIAL) {
                return data;
            }
            try {
                return f.apply(ServerHello.decode(Arrays.copyOfRange(data, 4, data.length))).encode();
            } catch (TlsAlertException e) {
                throw new AssertionError(e);
            }
        };
    }

    private static ServerHello shWith(ServerHello sh, byte[] sessionId, int suite, List<Extension> exts) {
        return new ServerHello(sh.legacyVersion(), sh.random(), sessionId, suite, sh.compression(), exts);
    }

    @Test
    void serverHelloViolationsGetTheRightClientAlert() {
        HandshakeHarness h = standard();
        h.interceptor = rewriteServerHello(sh -> shWith(sh, sh.sessionIdEcho(), CipherSuite.TLS_AES_256_GCM_SHA384.code() + 0x100,
                sh.extensions()));
        assertClientAlert(h, Alert.ILLEGAL_PARAMETER); // a suite we never offered

        h = standard();
        h.interceptor = rewriteServerHello(sh -> shWith(sh, new byte[] {1, 2, 3}, sh.cipherSuite(), sh.extensions()));
        assertClientAlert(h, Alert.ILLEGAL_PARAMETER); // session id echo differs

        h = standard();
        h.interceptor = rewriteServerHello(sh -> {
            List<Extension> exts = new ArrayList<>(sh.extensions());
            exts.removeIf(e -> e.type() == ExtensionType.SUPPORTED_VERSIONS);
            return shWith(sh, sh.sessionIdEcho(), sh.cipherSuite(), exts);
        });
        assertClientAlert(h, Alert.PROTOCOL_VERSION); // a TLS 1.2 ServerHello

        h = standard();
        h.interceptor = rewriteServerHello(sh -> {
            List<Extension> exts = new ArrayList<>(sh.extensions());
            exts.add(new Extension(ExtensionType.ALPN, Extensions.alpn(List.of("echo")).data()));
            return shWith(sh, sh.sessionIdEcho(), sh.cipherSuite(), exts);
        });
        assertClientAlert(h, Alert.UNSUPPORTED_EXTENSION); // ALPN belongs in EncryptedExtensions

        h = standard();
        h.interceptor = rewriteServerHello(sh -> {
            List<Extension> exts = new ArrayList<>(sh.extensions());
            exts.removeIf(e -> e.type() == ExtensionType.KEY_SHARE);
            return shWith(sh, sh.sessionIdEcho(), sh.cipherSuite(), exts);
        });
        assertClientAlert(h, Alert.MISSING_EXTENSION);
    }

    /** Rewrites the EncryptedExtensions at the head of the server's Handshake flight. */
    private static HandshakeHarness.Interceptor rewriteEncryptedExtensions(UnaryOperator<List<Extension>> f) {
        return (from, level, data) -> {
            if (!from.equals("server") || level != EncryptionLevel.HANDSHAKE) {
                return data;
            }
            try {
                int eeLen = 4 + ((data[1] & 0xff) << 16 | (data[2] & 0xff) << 8 | (data[3] & 0xff));
                List<Extension> exts = HandshakeMessages.decodeEncryptedExtensions(Arrays.copyOfRange(data, 4, eeLen));
                byte[] ee = HandshakeMessages.encodeEncryptedExtensions(f.apply(new ArrayList<>(exts)));
                byte[] out = Arrays.copyOf(ee, ee.length + data.length - eeLen);
                System.arraycopy(data, eeLen, out, ee.length, data.length - eeLen);
                return out;
            } catch (TlsAlertException e) {
                throw new AssertionError(e);
            }
        };
    }

    @Test
    void encryptedExtensionsViolationsGetTheRightClientAlert() {
        HandshakeHarness h = standard();
        h.interceptor = rewriteEncryptedExtensions(exts -> {
            exts.removeIf(e -> e.type() == ExtensionType.ALPN);
            return exts;
        });
        assertClientAlert(h, Alert.NO_APPLICATION_PROTOCOL);

        h = standard();
        h.interceptor = rewriteEncryptedExtensions(exts -> {
            exts.removeIf(e -> e.type() == ExtensionType.QUIC_TRANSPORT_PARAMETERS);
            return exts;
        });
        assertClientAlert(h, Alert.MISSING_EXTENSION);

        h = standard();
        h.interceptor = rewriteEncryptedExtensions(exts -> {
            exts.replaceAll(e -> e.type() == ExtensionType.ALPN ? Extensions.alpn(List.of("h3")) : e);
            return exts;
        });
        assertClientAlert(h, Alert.ILLEGAL_PARAMETER); // a protocol the client never offered

        h = standard();
        h.interceptor = rewriteEncryptedExtensions(exts -> {
            exts.add(Extensions.supportedVersionServer());
            return exts;
        });
        assertClientAlert(h, Alert.ILLEGAL_PARAMETER); // supported_versions has no place in EncryptedExtensions
    }

    @Test
    void retriedClientHelloMustFollowTheHelloRetryRequest() {
        CryptoProvider sp = HandshakeTest.portable(2);
        HandshakeHarness h = HandshakeTest.harness(HandshakeTest.portable(1), sp, HandshakeTest.clientConfig(),
                HandshakeTest.serverConfig(sp, EC).groups(NamedGroup.SECP256R1));
        int[] count = {0};
        h.interceptor = (from, level, data) -> {
            if (from.equals("client") && level == EncryptionLevel.INITIAL && ++count[0] == 2) {
                try {
                    ClientHello ch = ClientHello.decode(Arrays.copyOfRange(data, 4, data.length));
                    List<Extension> exts = new ArrayList<>(ch.extensions());
                    exts.replaceAll(e -> e.type() == ExtensionType.KEY_SHARE
                            ? Extensions.keyShareClient(List.of(new KeyShareEntry(NamedGroup.X25519.code(), new byte[32]))) : e);
                    return new ClientHello(ch.random(), ch.sessionId(), ch.cipherSuites(), ch.compressionMethods(), exts).encode();
                } catch (TlsAlertException e) {
                    throw new AssertionError(e);
                }
            }
            return data;
        };
        assertServerAlert(h, Alert.ILLEGAL_PARAMETER);
    }
}
