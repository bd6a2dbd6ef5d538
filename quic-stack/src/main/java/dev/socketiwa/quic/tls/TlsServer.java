package dev.socketiwa.quic.tls;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.EncryptionLevel;
import dev.socketiwa.quic.crypto.KeyShare;
import dev.socketiwa.quic.crypto.NamedGroup;
import dev.socketiwa.quic.crypto.SignatureScheme;
import dev.socketiwa.quic.tls.HandshakeMessages.CertificateMessage;
import dev.socketiwa.quic.tls.HandshakeMessages.CertificateVerify;
import dev.socketiwa.quic.tls.HandshakeMessages.ClientHello;
import dev.socketiwa.quic.tls.HandshakeMessages.ServerHello;
import java.util.ArrayList;
import java.util.List;

/**
 * TLS 1.3 server for QUIC (RFC 8446 + RFC 9001): full (EC)DHE handshake with certificate, HelloRetryRequest when the
 * client offered no usable key share; with {@link TlsServerConfig#sessionTickets} it issues a ticket after the
 * handshake, resumes with psk_dhe_ke and may accept 0-RTT (at most once per ticket). No client certificates.
 *
 * <p>Keys: HANDSHAKE read+write after the ClientHello; APPLICATION write after our Finished; APPLICATION read only once
 * the client's Finished is verified (RFC 9001 §5.7: 1-RTT data must not be processed before that).
 */
public final class TlsServer extends AbstractTlsEngine {
    private enum State { WAIT_CLIENT_HELLO, WAIT_SECOND_CLIENT_HELLO, WAIT_CLIENT_CERTIFICATE, WAIT_CLIENT_FINISHED, CONNECTED }

    private final TlsServerConfig config;
    private final byte[] localTransportParameters;
    private State state = State.WAIT_CLIENT_HELLO;
    private NamedGroup retryGroup;
    private byte[] expectedClientFinished;
    private String serverName;
    private boolean earlyDataAccepted;

    public TlsServer(TlsServerConfig config, CryptoProvider crypto, byte[] localTransportParameters, TlsListener listener) {
        super(crypto, listener);
        if (config == null || localTransportParameters == null) {
            throw new IllegalArgumentException("a TLS server needs its config and its encoded transport parameters");
        }
        this.config = config;
        this.localTransportParameters = localTransportParameters.clone();
    }

    public boolean isEarlyDataAccepted() {
        return earlyDataAccepted;
    }

    /** The host name the client asked for (server_name), or null. */
    public String serverName() {
        return serverName;
    }

    @Override
    void handle(EncryptionLevel level, HandshakeMessage m) throws TlsAlertException {
        switch (state) {
            case WAIT_CLIENT_HELLO:
            case WAIT_SECOND_CLIENT_HELLO:
                if (level != EncryptionLevel.INITIAL || m.type() != HandshakeType.CLIENT_HELLO) {
                    throw unexpected(m, level, "waiting for ClientHello");
                }
                onClientHello(m);
                break;
            case WAIT_CLIENT_CERTIFICATE:
                if (level != EncryptionLevel.HANDSHAKE || m.type() != HandshakeType.CERTIFICATE) {
                    throw unexpected(m, level, "waiting for the client Certificate");
                }
                onClientCertificate(m);
                break;
            case WAIT_CLIENT_FINISHED:
                if (level != EncryptionLevel.HANDSHAKE || m.type() != HandshakeType.FINISHED) {
                    throw unexpected(m, level, "waiting for the client Finished");
                }
                onClientFinished(m);
                break;
            default:
                // QUIC forbids KeyUpdate (RFC 9001 §6) and we request no client certificate: nothing more may come.
                throw unexpected(m, level, "connected");
        }
    }

    private void onClientHello(HandshakeMessage m) throws TlsAlertException {
        boolean second = state == State.WAIT_SECOND_CLIENT_HELLO;
        ClientHello ch = ClientHello.decode(m.body());
        if (ch.sessionId().length != 0) {
            // RFC 9001 §8.4: QUIC forbids middlebox compatibility mode.
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "non-empty legacy_session_id (middlebox compatibility mode)");
        }
        if (ch.compressionMethods().length != 1 || ch.compressionMethods()[0] != 0) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "TLS 1.3 needs exactly the null compression method");
        }
        List<Extension> exts = ch.extensions();
        Extension pskExt = Extension.find(exts, ExtensionType.PRE_SHARED_KEY);
        if (pskExt != null && exts.get(exts.size() - 1) != pskExt) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "pre_shared_key is not the last extension");
        }
        Extensions.OfferedPsks psk = null;
        if (pskExt != null) {
            Extension modes = Extension.find(exts, ExtensionType.PSK_KEY_EXCHANGE_MODES);
            if (modes == null) {
                throw new TlsAlertException(Alert.MISSING_EXTENSION, "pre_shared_key without psk_key_exchange_modes");
            }
            Extensions.OfferedPsks offered = Extensions.readPreSharedKeyClient(pskExt.data());
            // Only psk_dhe_ke is supported; a client offering psk_ke alone gets a full handshake.
            if (config.ticketSealer() != null && Extensions.offersPskDheKe(modes.data())) {
                psk = offered;
            }
        }
        Extension earlyExt = Extension.find(exts, ExtensionType.EARLY_DATA);
        if (earlyExt != null) {
            Extensions.requireEmpty(earlyExt);
        }
        Extension versions = Extension.find(exts, ExtensionType.SUPPORTED_VERSIONS);
        if (versions == null || !contains(Extensions.readSupportedVersionsClient(versions.data()), ExtensionType.TLS13)) {
            throw new TlsAlertException(Alert.PROTOCOL_VERSION, "client does not offer TLS 1.3");
        }
        Extension tp = Extension.find(exts, ExtensionType.QUIC_TRANSPORT_PARAMETERS);
        if (tp == null) {
            throw new TlsAlertException(Alert.MISSING_EXTENSION, "no quic_transport_parameters (RFC 9001 §8.2)");
        }
        Extension sigAlgs = Extension.find(exts, ExtensionType.SIGNATURE_ALGORITHMS);
        Extension groupsExt = Extension.find(exts, ExtensionType.SUPPORTED_GROUPS);
        Extension shareExt = Extension.find(exts, ExtensionType.KEY_SHARE);
        if (sigAlgs == null || groupsExt == null || shareExt == null) {
            throw new TlsAlertException(Alert.MISSING_EXTENSION,
                    "ClientHello lacks signature_algorithms, supported_groups or key_share (no PSK support)");
        }
        int[] schemes = Extensions.readU16ListBody(sigAlgs.data());
        int[] groups = Extensions.readU16ListBody(groupsExt.data());
        List<KeyShareEntry> shares = Extensions.readKeyShareClient(shareExt.data());
        Extension sni = Extension.find(exts, ExtensionType.SERVER_NAME);
        String sniName = sni == null ? null : Extensions.readServerName(sni.data());

        CipherSuite chosen = null;
        for (CipherSuite s : config.cipherSuites()) {
            if (contains(ch.cipherSuites(), s.code())) {
                chosen = s;
                break;
            }
        }
        if (second) {
            // The retried hello must keep the suite the HelloRetryRequest named (RFC 8446 §4.1.4).
            if (!contains(ch.cipherSuites(), suite.code())) {
                throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "second ClientHello dropped the chosen cipher suite");
            }
            chosen = suite;
        }
        if (chosen == null) {
            throw new TlsAlertException(Alert.HANDSHAKE_FAILURE, "no cipher suite in common");
        }
        SignatureScheme scheme = config.signer().scheme();
        if (!contains(schemes, scheme.code())) {
            throw new TlsAlertException(Alert.HANDSHAKE_FAILURE, "client does not accept our certificate's " + scheme);
        }
        String selectedAlpn = selectAlpn(Extension.find(exts, ExtensionType.ALPN));

        KeyShareEntry share = null;
        NamedGroup group = null;
        if (second) {
            if (shares.size() != 1 || shares.get(0).group() != retryGroup.code()) {
                throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "second ClientHello must carry one share for " + retryGroup);
            }
            share = shares.get(0);
            group = retryGroup;
        } else {
            for (NamedGroup g : config.groups()) {
                for (KeyShareEntry e : shares) {
                    if (e.group() == g.code()) {
                        share = e;
                        group = g;
                        break;
                    }
                }
                if (share != null) {
                    break;
                }
            }
        }
        if (share != null && !contains(groups, group.code())) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "key share for a group not in supported_groups");
        }

        suite = chosen;
        if (share == null) {
            NamedGroup retry = null;
            for (NamedGroup g : config.groups()) {
                if (contains(groups, g.code())) {
                    retry = g;
                    break;
                }
            }
            if (retry == null) {
                throw new TlsAlertException(Alert.HANDSHAKE_FAILURE, "no key exchange group in common");
            }
            if (earlyExt != null) {
                listener.earlyDataRejected(); // 0-RTT never survives a HelloRetryRequest (RFC 8446 §4.2.10)
            }
            sendHelloRetryRequest(m, retry);
            return;
        }
        if (share.keyExchange().length != group.publicKeyLength()) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "key share of wrong length for " + group);
        }
        KeyShare mine = crypto.generateKeyShare(group);
        byte[] shared = mine.agree(share.keyExchange());
        if (shared == null) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "invalid " + group + " key share");
        }
        long now = config.clock().millis();
        TicketContents ticket = psk == null ? null : resumable(ch, psk, m, sniName, now);
        if (ticket != null && second && ticket.suite() != suite.code()) {
            ticket = null; // the HelloRetryRequest fixed the suite
        }
        if (ticket != null) {
            suite = CipherSuite.fromCode(ticket.suite());
        }
        boolean acceptEarly = ticket != null && !second && earlyDataAcceptable(exts, ticket, psk, selectedAlpn, sniName, now);
        if (ticket == null && Extension.find(exts, ExtensionType.EARLY_DATA) != null) {
            listener.earlyDataRejected();
        }
        serverName = sniName;
        alpn = selectedAlpn;
        peerTransportParameters = tp.data();
        transcript.add(m.encoded());
        keys = new KeySchedule(crypto, suite, ticket == null ? null : ticket.psk());
        if (acceptEarly) {
            earlyDataAccepted = true;
            listener.installKeys(EncryptionLevel.EARLY_DATA,
                    crypto.packetProtection(suite, keys.clientEarlyTrafficSecret(transcriptHash())), null);
            listener.earlyDataAccepted();
        }
        resumed = ticket != null;

        List<Extension> shExts = new ArrayList<>();
        shExts.add(Extensions.supportedVersionServer());
        shExts.add(Extensions.keyShareServer(new KeyShareEntry(group.code(), mine.publicKey())));
        if (resumed) {
            shExts.add(Extensions.preSharedKeyServer(0));
        }
        byte[] sh = new ServerHello(0x0303, crypto.random().nextBytes(32), ch.sessionId(), suite.code(), 0, shExts).encode();
        transcript.add(sh);
        requireNoBufferedData(EncryptionLevel.INITIAL);
        listener.sendCrypto(EncryptionLevel.INITIAL, sh, 0, sh.length);

        keys.handshake(shared, transcriptHash());
        listener.installKeys(EncryptionLevel.HANDSHAKE,
                crypto.packetProtection(suite, keys.clientHandshakeSecret),
                crypto.packetProtection(suite, keys.serverHandshakeSecret));

        TlsWriter flight = new TlsWriter(2048);
        List<Extension> ee = new ArrayList<>();
        ee.add(Extensions.alpn(List.of(alpn)));
        ee.add(new Extension(ExtensionType.QUIC_TRANSPORT_PARAMETERS, localTransportParameters));
        if (acceptEarly) {
            ee.add(Extensions.earlyDataEmpty());
        }
        addToFlight(flight, HandshakeMessages.encodeEncryptedExtensions(ee));
        if (resumed) {
            // A PSK handshake authenticates with the PSK: no CertificateRequest, Certificate or CertificateVerify.
            addToFlight(flight, HandshakeMessages.encodeFinished(keys.finishedVerifyData(keys.serverHandshakeSecret, transcriptHash())));
            listener.sendCrypto(EncryptionLevel.HANDSHAKE, flight.array(), 0, flight.length());
            byte[] throughServerFinished = transcriptHash();
            keys.application(throughServerFinished);
            expectedClientFinished = keys.finishedVerifyData(keys.clientHandshakeSecret, throughServerFinished);
            listener.installKeys(EncryptionLevel.APPLICATION, null, crypto.packetProtection(suite, keys.serverApplicationSecret));
            state = State.WAIT_CLIENT_FINISHED;
            return;
        }
        if (config.requestsClientCertificate()) {
            TlsWriter cr = new TlsWriter(32);
            cr.u8(0); // empty certificate_request_context during the handshake
            Extension.writeList(cr, List.of(Extensions.u16List(ExtensionType.SIGNATURE_ALGORITHMS, new int[] {
                SignatureScheme.ECDSA_SECP256R1_SHA256.code(), SignatureScheme.ED25519.code()})));
            addToFlight(flight, HandshakeMessages.frame(HandshakeType.CERTIFICATE_REQUEST, cr));
        }
        addToFlight(flight, new CertificateMessage(new byte[0], config.certificateChain()).encode());
        byte[] content = KeySchedule.certificateVerifyContent(true, transcriptHash());
        byte[] signature = config.signer().sign(content, 0, content.length);
        addToFlight(flight, new CertificateVerify(scheme.code(), signature).encode());
        addToFlight(flight, HandshakeMessages.encodeFinished(keys.finishedVerifyData(keys.serverHandshakeSecret, transcriptHash())));
        listener.sendCrypto(EncryptionLevel.HANDSHAKE, flight.array(), 0, flight.length());

        byte[] throughServerFinished = transcriptHash();
        keys.application(throughServerFinished);
        expectedClientFinished = keys.finishedVerifyData(keys.clientHandshakeSecret, throughServerFinished);
        listener.installKeys(EncryptionLevel.APPLICATION, null, crypto.packetProtection(suite, keys.serverApplicationSecret));
        state = config.requestsClientCertificate() ? State.WAIT_CLIENT_CERTIFICATE : State.WAIT_CLIENT_FINISHED;
    }

    private void onClientCertificate(HandshakeMessage m) throws TlsAlertException {
        CertificateMessage cm = CertificateMessage.decode(m.body());
        if (cm.context().length != 0) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "client Certificate with a context we never sent");
        }
        if (!cm.certificates().isEmpty()) {
            throw new TlsAlertException(Alert.UNSUPPORTED_CERTIFICATE, "client certificates are not supported yet");
        }
        transcript.add(m.encoded());
        // The client Finished now covers the Certificate too.
        expectedClientFinished = keys.finishedVerifyData(keys.clientHandshakeSecret, transcriptHash());
        state = State.WAIT_CLIENT_FINISHED;
    }

    private void addToFlight(TlsWriter flight, byte[] message) {
        transcript.add(message);
        flight.bytes(message);
    }

    private String selectAlpn(Extension ext) throws TlsAlertException {
        if (ext == null) {
            // RFC 9001 §8.1: QUIC requires ALPN.
            throw new TlsAlertException(Alert.NO_APPLICATION_PROTOCOL, "client offered no ALPN");
        }
        List<String> offered = Extensions.readAlpn(ext.data());
        for (String p : config.alpn()) {
            if (offered.contains(p)) {
                return p;
            }
        }
        throw new TlsAlertException(Alert.NO_APPLICATION_PROTOCOL, "no common ALPN protocol in " + offered);
    }

    private void sendHelloRetryRequest(HandshakeMessage clientHello, NamedGroup group) throws TlsAlertException {
        transcript.add(clientHello.encoded());
        transcript.replaceWithMessageHash(crypto, suite.hashLength());
        List<Extension> exts = new ArrayList<>();
        exts.add(Extensions.supportedVersionServer());
        exts.add(Extensions.keyShareHelloRetry(group.code()));
        byte[] hrr = new ServerHello(0x0303, HandshakeMessages.HRR_RANDOM, new byte[0], suite.code(), 0, exts).encode();
        transcript.add(hrr);
        requireNoBufferedData(EncryptionLevel.INITIAL);
        retryGroup = group;
        state = State.WAIT_SECOND_CLIENT_HELLO;
        listener.sendCrypto(EncryptionLevel.INITIAL, hrr, 0, hrr.length);
    }

    private void onClientFinished(HandshakeMessage m) throws TlsAlertException {
        if (m.body().length != suite.hashLength()) {
            throw new TlsAlertException(Alert.DECODE_ERROR, "Finished of wrong length");
        }
        if (!KeySchedule.equal(m.body(), expectedClientFinished)) {
            throw new TlsAlertException(Alert.DECRYPT_ERROR, "client Finished does not verify");
        }
        transcript.add(m.encoded());
        requireNoBufferedData(EncryptionLevel.HANDSHAKE);
        state = State.CONNECTED;
        complete = true;
        listener.installKeys(EncryptionLevel.APPLICATION, crypto.packetProtection(suite, keys.clientApplicationSecret), null);
        listener.handshakeComplete();
        if (config.ticketSealer() != null) {
            sendTicket(keys.resumptionMasterSecret(transcriptHash()));
        }
    }

    /** One NewSessionTicket after the handshake (RFC 8446 §4.6.1), its state sealed inside it. */
    private void sendTicket(byte[] resumptionMasterSecret) {
        long now = config.clock().millis();
        byte[] nonce = {0};
        byte[] add = crypto.random().nextBytes(4);
        long ageAdd = ((add[0] & 0xffL) << 24) | ((add[1] & 0xff) << 16) | ((add[2] & 0xff) << 8) | (add[3] & 0xff);
        boolean early = config.earlyDataEnabled();
        TicketContents contents = new TicketContents(suite.code(), keys.ticketPsk(resumptionMasterSecret, nonce), ageAdd,
                now, config.ticketLifetimeSeconds(), early, alpn, serverName, localTransportParameters);
        byte[] sealed = config.ticketSealer().seal(contents.encode(), now);
        // QUIC fixes max_early_data_size at 0xffffffff; the transport's flow control is what limits 0-RTT (RFC 9001 §4.6.1).
        byte[] nst = new HandshakeMessages.NewSessionTicket(config.ticketLifetimeSeconds(), ageAdd, nonce, sealed,
                early ? 0xffffffffL : 0).encode();
        listener.sendCrypto(EncryptionLevel.APPLICATION, nst, 0, nst.length);
    }

    /**
     * The ticket of the first offered identity when it can be resumed (ours, unexpired, same server_name, a suite
     * with its hash that we both have) and its binder verifies; null to fall back to a full handshake. A wrong binder
     * is fatal (RFC 8446 §4.2.11).
     */
    private TicketContents resumable(ClientHello ch, Extensions.OfferedPsks psk, HandshakeMessage m, String sni, long now)
            throws TlsAlertException {
        Extensions.OfferedPsk first = psk.identities().get(0);
        byte[] plain = config.ticketSealer().open(first.identity(), now);
        TicketContents t = plain == null ? null : TicketContents.decode(plain);
        if (t == null) {
            return null;
        }
        long age = now - t.issuedAtMillis();
        if (age < 0 || age > t.lifetimeSeconds() * 1000L) {
            return null;
        }
        if (sni == null ? t.serverName() != null : !sni.equals(t.serverName())) {
            return null;
        }
        CipherSuite ts = CipherSuite.fromCode(t.suite());
        if (ts == null || !config.cipherSuites().contains(ts) || !contains(ch.cipherSuites(), ts.code())
                || ts.hashLength() != suite.hashLength() || t.psk().length != ts.hashLength()) {
            return null;
        }
        byte[] binder = psk.binders().get(0);
        if (binder.length != ts.hashLength()) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "PSK binder of wrong length");
        }
        byte[] encoded = m.encoded();
        int truncated = encoded.length - Extensions.bindersSize(
                Extension.find(ch.extensions(), ExtensionType.PRE_SHARED_KEY).data());
        byte[] expected = new KeySchedule(crypto, ts, t.psk()).binder(
                transcript.hashWith(crypto, ts.hashLength(), encoded, truncated));
        if (!KeySchedule.equal(expected, binder)) {
            throw new TlsAlertException(Alert.DECRYPT_ERROR, "PSK binder does not verify");
        }
        return t;
    }

    /** 0-RTT needs all of: offered, allowed by the ticket and config, same ALPN, a plausible age, a first use. */
    private boolean earlyDataAcceptable(List<Extension> exts, TicketContents t, Extensions.OfferedPsks psk,
                                        String selectedAlpn, String sni, long now) {
        if (Extension.find(exts, ExtensionType.EARLY_DATA) == null) {
            return false;
        }
        boolean ok = t.earlyData() && config.earlyDataEnabled() && selectedAlpn.equals(t.alpn());
        if (ok) {
            long clientAge = (psk.identities().get(0).obfuscatedAge() - t.ageAdd()) & 0xffffffffL;
            long serverAge = now - t.issuedAtMillis();
            ok = Math.abs(clientAge - serverAge) <= config.earlyDataAgeToleranceMillis();
        }
        ok = ok && (config.earlyDataFilter() == null || config.earlyDataFilter().accept(selectedAlpn, sni));
        ok = ok && listener.acceptEarlyData(t.transportParameters());
        ok = ok && config.strikeRegister().firstUse(strikeKey(psk.identities().get(0).identity()),
                t.issuedAtMillis() + t.lifetimeSeconds() * 1000L, now);
        if (!ok) {
            listener.earlyDataRejected();
        }
        return ok;
    }

    private long strikeKey(byte[] identity) {
        byte[] h = crypto.hash(32, identity, 0, identity.length);
        long k = 0;
        for (int i = 0; i < 8; i++) {
            k = (k << 8) | (h[i] & 0xff);
        }
        return k;
    }

    static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
