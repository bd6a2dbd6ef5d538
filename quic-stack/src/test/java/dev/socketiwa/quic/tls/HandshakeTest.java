package dev.socketiwa.quic.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.EncryptionLevel;
import dev.socketiwa.quic.crypto.NamedGroup;
import dev.socketiwa.quic.crypto.Providers;
import dev.socketiwa.quic.crypto.jca.JcaCryptoProvider;
import dev.socketiwa.quic.crypto.portable.PortableCryptoProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Full client<->server handshakes in memory: every provider pairing, suite and group, with and without HRR. */
class HandshakeTest {
    static final TestCertificates.Identity EC = TestCertificates.ecdsaP256();
    static final byte[] CLIENT_TP = "client-transport-parameters".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SERVER_TP = "server-transport-parameters".getBytes(StandardCharsets.US_ASCII);

    static CryptoProvider portable(long seed) {
        return new PortableCryptoProvider(Providers.seeded(seed));
    }

    static CryptoProvider jca(long seed) {
        return new JcaCryptoProvider(Providers.seeded(seed));
    }

    static HandshakeHarness harness(CryptoProvider clientCrypto, CryptoProvider serverCrypto,
                                    TlsClientConfig clientConfig, TlsServerConfig serverConfig) {
        HandshakeHarness h = new HandshakeHarness();
        h.client = new TlsClient(clientConfig, clientCrypto, CLIENT_TP, h.clientSide);
        h.server = new TlsServer(serverConfig, serverCrypto, SERVER_TP, h.serverSide);
        return h;
    }

    static TlsServerConfig serverConfig(CryptoProvider p, TestCertificates.Identity id) {
        return new TlsServerConfig(List.of(id.certificate()), p.signer(id.pkcs8())).alpn("echo", "h3");
    }

    static TlsClientConfig clientConfig() {
        return new TlsClientConfig("localhost", List.of("echo"), CertificateTrust.pinned(EC.certificate()));
    }

    static List<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (boolean clientJca : new boolean[] {false, true}) {
            for (boolean serverJca : new boolean[] {false, true}) {
                for (CipherSuite s : CipherSuite.values()) {
                    for (NamedGroup g : NamedGroup.values()) {
                        for (boolean hrr : new boolean[] {false, true}) {
                            out.add(Arguments.of(clientJca, serverJca, s, g, hrr));
                        }
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "clientJca={0} serverJca={1} {2} {3} hrr={4}")
    @MethodSource("matrix")
    void handshakeCompletes(boolean clientJca, boolean serverJca, CipherSuite suite, NamedGroup group, boolean hrr) {
        CryptoProvider cp = clientJca ? jca(1) : portable(1);
        CryptoProvider sp = serverJca ? jca(2) : portable(2);
        NamedGroup other = group == NamedGroup.X25519 ? NamedGroup.SECP256R1 : NamedGroup.X25519;
        // For the HRR path the client's first share is for the other group, which the server does not accept.
        TlsClientConfig cc = clientConfig().cipherSuites(suite).keyShareGroups(hrr ? other : group);
        TlsServerConfig sc = serverConfig(sp, EC).groups(group);
        HandshakeHarness h = harness(cp, sp, cc, sc);
        h.run();
        h.assertConnected();
        assertEquals(suite, h.client.cipherSuite());
        assertEquals(suite, h.server.cipherSuite());
        assertEquals("echo", h.client.negotiatedAlpn());
        assertEquals("echo", h.server.negotiatedAlpn());
        assertArrayEquals(SERVER_TP, h.client.peerTransportParameters());
        assertArrayEquals(CLIENT_TP, h.server.peerTransportParameters());
        assertEquals("localhost", h.server.serverName());
        assertArrayEquals(EC.certificate(), h.client.peerCertificates().get(0));
        long initialFlights = h.serverSide.sentLevels.stream().filter(l -> l == EncryptionLevel.INITIAL).count();
        assertEquals(hrr ? 2 : 1, initialFlights, "server Initial flights (HRR + ServerHello when retried)");
        assertEquals(hrr ? 2 : 1, h.clientSide.sentLevels.stream().filter(l -> l == EncryptionLevel.INITIAL).count());
    }

    @Test
    void serverPicksItsPreferredSuiteAndAlpn() {
        CryptoProvider p = portable(3);
        TlsClientConfig cc = new TlsClientConfig(null, List.of("echo", "h3"), CertificateTrust.ACCEPT_ANY)
                .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
        TlsServerConfig sc = serverConfig(p, EC).alpn("h3", "echo")
                .cipherSuites(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_128_GCM_SHA256);
        HandshakeHarness h = harness(portable(4), p, cc, sc);
        h.run();
        h.assertConnected();
        assertEquals("h3", h.client.negotiatedAlpn());
        assertEquals(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, h.client.cipherSuite());
        assertNull(h.server.serverName(), "no SNI was sent");
    }

    @Test
    void ed25519ServerCertificate() {
        TestCertificates.Identity ed = TestCertificates.ed25519();
        CryptoProvider p = jca(5);
        HandshakeHarness h = harness(portable(6), p,
                new TlsClientConfig("localhost", List.of("echo"), CertificateTrust.pinned(ed.certificate())),
                serverConfig(p, ed));
        h.run();
        h.assertConnected();
    }

    @Test
    void newSessionTicketAfterHandshakeIsIgnoredButKeyUpdateIsRefused() throws Exception {
        HandshakeHarness h = harness(portable(7), portable(8), clientConfig(), serverConfig(portable(8), EC));
        h.run();
        h.assertConnected();
        byte[] ticket = {4, 0, 0, 14, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 7, 0, 0};
        // lifetime, age_add, nonce(empty), ticket(len 1 = 7), extensions(empty)
        h.client.receive(EncryptionLevel.APPLICATION, ticket, 0, ticket.length);
        byte[] keyUpdate = {24, 0, 0, 1, 0};
        TlsAlertException e = org.junit.jupiter.api.Assertions.assertThrows(TlsAlertException.class,
                () -> h.client.receive(EncryptionLevel.APPLICATION, keyUpdate, 0, keyUpdate.length));
        assertEquals(Alert.UNEXPECTED_MESSAGE, e.alert());
        assertEquals(0x010aL, e.quicErrorCode());
    }

    @Test
    void browserPreferenceChoosesChaCha20WhenTheClientAllowsIt() {
        CryptoProvider p = portable(9);
        HandshakeHarness h = harness(portable(10), p, clientConfig(), serverConfig(p, EC).preferChaCha20());
        h.run();
        h.assertConnected();
        assertEquals(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, h.server.cipherSuite());
        HandshakeHarness aesOnly = harness(portable(10), p, clientConfig().cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256),
                serverConfig(p, EC).preferChaCha20());
        aesOnly.run();
        aesOnly.assertConnected();
        assertEquals(CipherSuite.TLS_AES_128_GCM_SHA256, aesOnly.server.cipherSuite());
    }

    @Test
    void inconsistentClientConfigIsRefusedUpFront() {
        TlsClientConfig bad = clientConfig().groups(NamedGroup.X25519).keyShareGroups(NamedGroup.SECP256R1);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TlsClient(bad, portable(1), CLIENT_TP, new HandshakeHarness.Side("client")));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("key share groups"), e.getMessage());
    }

    @Test
    void clientAnswersACertificateRequestWithAnEmptyCertificate() {
        CryptoProvider p = portable(11);
        HandshakeHarness h = harness(jca(12), p, clientConfig(), serverConfig(p, EC).requestClientCertificate());
        h.run();
        h.assertConnected();
    }

    @Test
    void sha256PinLikeServerCertificateHashes() throws Exception {
        CryptoProvider p = portable(13);
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(EC.certificate());
        HandshakeHarness ok = harness(portable(14), p,
                new TlsClientConfig(null, List.of("echo"), CertificateTrust.pinnedSha256(p, List.of(new byte[32], hash))),
                serverConfig(p, EC));
        ok.run();
        ok.assertConnected();
        HandshakeHarness wrong = harness(portable(14), p,
                new TlsClientConfig(null, List.of("echo"), CertificateTrust.pinnedSha256(p, List.of(new byte[32]))),
                serverConfig(p, EC));
        wrong.run();
        assertEquals(Alert.BAD_CERTIFICATE, wrong.clientAlert.alert());
    }
}
