package dev.socketiwa.quic.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.EncryptionLevel;
import dev.socketiwa.quic.crypto.NamedGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Session tickets, PSK resumption with binders, 0-RTT acceptance, rejection and anti-replay, TLS alone. */
class ResumptionTest {
    /** A clock the test moves. */
    static final class FakeClock implements WallClock {
        long now = 1_700_000_000_000L;

        @Override
        public long millis() {
            return now;
        }
    }

    static final class Ends {
        final FakeClock clock = new FakeClock();
        final CryptoProvider serverCrypto = HandshakeTest.portable(2);
        final RotatingTicketKeys keys = new RotatingTicketKeys(serverCrypto, 3_600_000L);
        final List<SessionTicket> tickets = new ArrayList<>();
        final List<String> serverEarly = new ArrayList<>();
        final List<String> clientEarly = new ArrayList<>();
        TlsServerConfig serverConfig = HandshakeTest.serverConfig(serverCrypto, HandshakeTest.EC).sessionTickets(keys)
                .clock(clock);
        TlsClientConfig clientConfig = HandshakeTest.clientConfig().clock(clock);
        boolean transportAccepts = true;
        long seed = 10;

        SessionTicket latestTicket() {
            return tickets.get(tickets.size() - 1);
        }

        HandshakeHarness connect(SessionTicket ticket) {
            HandshakeHarness h = new HandshakeHarness();
            HandshakeHarness.Side cs = new HandshakeHarness.Side("client") {
                @Override
                public void sessionTicket(SessionTicket t) {
                    tickets.add(t);
                }

                @Override
                public void earlyDataAccepted() {
                    clientEarly.add("accepted");
                }

                @Override
                public void earlyDataRejected() {
                    clientEarly.add("rejected");
                }
            };
            HandshakeHarness.Side ss = new HandshakeHarness.Side("server") {
                @Override
                public boolean acceptEarlyData(byte[] remembered) {
                    assertArrayEquals(HandshakeTest.SERVER_TP, remembered);
                    return transportAccepts;
                }

                @Override
                public void earlyDataAccepted() {
                    serverEarly.add("accepted");
                }

                @Override
                public void earlyDataRejected() {
                    serverEarly.add("rejected");
                }
            };
            h.client = new TlsClient(clientConfig, HandshakeTest.portable(seed++), HandshakeTest.CLIENT_TP, cs, ticket);
            h.server = new TlsServer(serverConfig, serverCrypto, HandshakeTest.SERVER_TP, ss);
            h.clientSideOverride = cs;
            h.serverSideOverride = ss;
            return h;
        }
    }

    private static SessionTicket firstTicket(Ends e) {
        HandshakeHarness h = e.connect(null);
        h.run();
        h.assertConnected();
        assertFalse(h.client.isResumed());
        assertEquals(1, e.tickets.size(), "one ticket after the handshake");
        SessionTicket t = e.tickets.get(0);
        assertTrue(t.allowsEarlyData());
        assertEquals("echo", t.alpn());
        assertArrayEquals(HandshakeTest.SERVER_TP, t.serverTransportParameters());
        return t;
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void resumesWithZeroRtt(CipherSuite suite) {
        Ends e = new Ends();
        e.clientConfig = e.clientConfig.cipherSuites(suite);
        SessionTicket t = SessionTicket.fromBytes(firstTicket(e).toBytes());
        assertEquals(suite, t.cipherSuite());
        e.clock.now += 2_000;
        HandshakeHarness h = e.connect(t);
        h.run();
        h.assertConnected();
        assertTrue(h.client.isResumed() && h.server.isResumed());
        assertTrue(h.client.isEarlyDataAccepted() && h.server.isEarlyDataAccepted());
        assertEquals(List.of("accepted"), e.clientEarly);
        assertEquals(List.of("accepted"), e.serverEarly);
        HandshakeHarness.assertKeysMatch(h.clientSideOverride.write.get(EncryptionLevel.EARLY_DATA),
                h.serverSideOverride.read.get(EncryptionLevel.EARLY_DATA));
        assertNull(h.client.peerCertificates(), "a resumption sends no certificate");
        assertEquals(2, e.tickets.size(), "the resumed connection brings a fresh ticket");
    }

    @Test
    void replayedClientHelloGetsNoSecondZeroRtt() {
        Ends e = new Ends();
        SessionTicket t = firstTicket(e);
        HandshakeHarness h1 = e.connect(t);
        h1.run();
        assertTrue(h1.server.isEarlyDataAccepted());
        HandshakeHarness h2 = e.connect(t);
        h2.run();
        h2.assertConnected();
        assertTrue(h2.server.isResumed(), "the ticket still resumes");
        assertFalse(h2.server.isEarlyDataAccepted(), "but its 0-RTT is accepted at most once");
        assertEquals(List.of("accepted", "rejected"), e.clientEarly);
    }

    @Test
    void ageOutsideTheWindowRefusesZeroRtt() {
        Ends e = new Ends();
        SessionTicket t = firstTicket(e);
        // The client's clock says 1 s, the server's 60 s: a captured ClientHello replayed late looks like this.
        HandshakeHarness h = e.connect(t);
        e.clock.now += 1_000;
        h.client.start();
        e.clock.now += 59_000;
        h.pump();
        assertResumedWithout0Rtt(h, e);
    }

    @Test
    void transportOrAppOrConfigCanRefuseZeroRtt() {
        Ends e = new Ends();
        SessionTicket t = firstTicket(e);
        e.transportAccepts = false;
        HandshakeHarness h = e.connect(t);
        h.run();
        assertTrue(h.server.isResumed() && !h.server.isEarlyDataAccepted());

        e.transportAccepts = true;
        e.serverConfig.earlyDataFilter((alpn, sni) -> !alpn.equals("echo"));
        SessionTicket t2 = e.latestTicket();
        h = e.connect(t2);
        h.run();
        assertTrue(h.server.isResumed() && !h.server.isEarlyDataAccepted());

        e.serverConfig.earlyDataFilter(null).earlyData(false);
        SessionTicket t3 = e.latestTicket();
        h = e.connect(t3);
        h.run();
        assertTrue(h.server.isResumed() && !h.server.isEarlyDataAccepted());
        assertFalse(e.latestTicket().allowsEarlyData(), "tickets stop announcing 0-RTT");
    }

    @Test
    void foreignOrExpiredTicketFallsBackToFullHandshake() {
        Ends e = new Ends();
        SessionTicket t = firstTicket(e);
        Ends other = new Ends(); // another server: its keys cannot open our ticket
        HandshakeHarness h = other.connect(t);
        h.run();
        h.assertConnected();
        assertFalse(h.server.isResumed());
        assertNotNull(h.client.peerCertificates());
        assertEquals(List.of("rejected"), other.clientEarly);

        e.clock.now += 25L * 3600 * 1000; // past the 24 h lifetime: the client does not even offer it
        h = e.connect(t);
        h.run();
        h.assertConnected();
        assertFalse(h.server.isResumed());
    }

    @Test
    void resumptionSurvivesHelloRetryRequestWithoutZeroRtt() {
        Ends e = new Ends();
        SessionTicket t = firstTicket(e);
        e.serverConfig.groups(NamedGroup.SECP256R1);
        HandshakeHarness h = e.connect(t);
        h.run();
        assertResumedWithout0Rtt(h, e);
    }

    @Test
    void corruptBinderIsFatal() {
        Ends e = new Ends();
        SessionTicket t = firstTicket(e);
        HandshakeHarness h = e.connect(t);
        h.interceptor = (from, level, data) -> {
            if (from.equals("client") && level == EncryptionLevel.INITIAL) {
                byte[] c = data.clone();
                c[c.length - 1] ^= 1; // the binder is the ClientHello's last byte
                return c;
            }
            return data;
        };
        h.run();
        assertNotNull(h.serverAlert);
        assertEquals(Alert.DECRYPT_ERROR, h.serverAlert.alert());
    }

    @Test
    void ticketAllowingLimitedEarlyDataIsAQuicViolation() {
        Ends e = new Ends();
        HandshakeHarness h = e.connect(null);
        h.interceptor = (from, level, data) -> {
            if (from.equals("server") && level == EncryptionLevel.APPLICATION) {
                byte[] c = data.clone();
                // max_early_data_size is the NewSessionTicket's last 4 bytes: QUIC allows only 0xffffffff
                c[c.length - 4] = 0;
                c[c.length - 3] = 0;
                c[c.length - 2] = 0x10;
                c[c.length - 1] = 0;
                return c;
            }
            return data;
        };
        h.run();
        assertNotNull(h.clientAlert);
        assertEquals(Alert.ILLEGAL_PARAMETER, h.clientAlert.alert());
        assertTrue(e.tickets.isEmpty());
    }

    @Test
    void malformedPreSharedKeyIsADecodeError() {
        Ends e = new Ends();
        SessionTicket t = firstTicket(e);
        HandshakeHarness h = e.connect(t);
        h.interceptor = (from, level, data) -> {
            if (from.equals("client") && level == EncryptionLevel.INITIAL) {
                byte[] c = data.clone();
                // The binders list ends the ClientHello: claim a 1-byte binder where 32 are.
                c[c.length - 33] = 1;
                return c;
            }
            return data;
        };
        h.run();
        assertNotNull(h.serverAlert);
        assertEquals(Alert.DECODE_ERROR, h.serverAlert.alert(), h.serverAlert.getMessage());
    }

    @Test
    void savedTicketRejectsGarbageWithAClearMessage() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> SessionTicket.fromBytes(new byte[] {1, 2, 3}));
        assertTrue(x.getMessage().contains("discard"));
    }

    /** Connected by resumption, with the offered 0-RTT refused and the client told so. */
    private static void assertResumedWithout0Rtt(HandshakeHarness h, Ends e) {
        h.assertConnected();
        assertTrue(h.server.isResumed());
        assertFalse(h.server.isEarlyDataAccepted());
        assertEquals(List.of("rejected"), e.clientEarly);
    }
}
