package dev.socketiwa.quic.tls;

import dev.socketiwa.quic.crypto.CipherSuite;
import dev.socketiwa.quic.crypto.CryptoProvider;
import dev.socketiwa.quic.crypto.EncryptionLevel;
import dev.socketiwa.quic.crypto.KeyShare;
import dev.socketiwa.quic.crypto.NamedGroup;
import dev.socketiwa.quic.crypto.SignatureScheme;
import dev.socketiwa.quic.crypto.VerificationKey;
import dev.socketiwa.quic.tls.HandshakeMessages.CertificateMessage;
import dev.socketiwa.quic.tls.HandshakeMessages.CertificateVerify;
import dev.socketiwa.quic.tls.HandshakeMessages.ClientHello;
import dev.socketiwa.quic.tls.HandshakeMessages.ServerHello;
import java.util.ArrayList;
import java.util.List;

/**
 * TLS 1.3 client for QUIC (RFC 8446 + RFC 9001): (EC)DHE with certificate authentication, handles a
 * HelloRetryRequest (including its cookie). Given a {@link SessionTicket} it resumes with psk_dhe_ke and, when the
 * ticket allows, offers 0-RTT; every NewSessionTicket the server sends becomes a {@link SessionTicket} for the
 * listener. A server that does not take the PSK gets a full handshake.
 */
public final class TlsClient extends AbstractTlsEngine {
    private enum State { START, WAIT_SERVER_HELLO, WAIT_ENCRYPTED_EXTENSIONS, WAIT_CERTIFICATE, WAIT_CERTIFICATE_VERIFY,
        WAIT_FINISHED, CONNECTED }

    private static final int[] SH_ALLOWED = {ExtensionType.SUPPORTED_VERSIONS, ExtensionType.KEY_SHARE,
        ExtensionType.PRE_SHARED_KEY};
    private static final int[] HRR_ALLOWED = {ExtensionType.SUPPORTED_VERSIONS, ExtensionType.KEY_SHARE,
        ExtensionType.COOKIE};
    /** Extensions that are legal in a ClientHello or ServerHello but never in EncryptedExtensions (RFC 8446 §4.2). */
    private static final int[] EE_FORBIDDEN = {ExtensionType.SUPPORTED_VERSIONS, ExtensionType.KEY_SHARE,
        ExtensionType.SIGNATURE_ALGORITHMS, ExtensionType.PRE_SHARED_KEY, ExtensionType.PSK_KEY_EXCHANGE_MODES,
        ExtensionType.COOKIE, ExtensionType.CERTIFICATE_AUTHORITIES, ExtensionType.SIGNATURE_ALGORITHMS_CERT};

    private final TlsClientConfig config;
    private final byte[] localTransportParameters;
    private State state = State.START;
    private final List<KeyShare> keyShares = new ArrayList<>();
    private byte[] random;
    private boolean retried;
    private CipherSuite retrySuite;
    private VerificationKey serverKey;
    /** Set when the server sent a CertificateRequest: we have no client certificate, so we answer with an empty one. */
    private byte[] certificateRequestContext;
    private List<byte[]> serverCertificates;
    private final SessionTicket ticket;
    private boolean offeringPsk;
    private boolean offeringEarlyData;
    private boolean earlyDataAccepted;
    private byte[] resumptionSecret;

    public TlsClient(TlsClientConfig config, CryptoProvider crypto, byte[] localTransportParameters, TlsListener listener) {
        this(config, crypto, localTransportParameters, listener, null);
    }

    /** @param ticket a ticket from an earlier connection to the same server, or null for a full handshake */
    public TlsClient(TlsClientConfig config, CryptoProvider crypto, byte[] localTransportParameters, TlsListener listener,
                     SessionTicket ticket) {
        super(crypto, listener);
        this.ticket = ticket;
        if (config == null || localTransportParameters == null) {
            throw new IllegalArgumentException("a TLS client needs its config and its encoded transport parameters");
        }
        if (!config.groups().containsAll(config.keyShareGroups()) || config.cipherSuites().isEmpty()
                || config.signatureSchemes().isEmpty()) {
            throw new IllegalArgumentException("TlsClientConfig: key share groups " + config.keyShareGroups()
                    + " must be among the offered groups " + config.groups()
                    + ", and at least one cipher suite and signature scheme are needed");
        }
        this.config = config;
        this.localTransportParameters = localTransportParameters.clone();
    }

    /** Emits the ClientHello (INITIAL level). Call once, after the transport installed the Initial keys. */
    public void start() {
        if (state != State.START) {
            throw new IllegalStateException("start() was already called");
        }
        random = crypto.random().nextBytes(32);
        for (NamedGroup g : config.keyShareGroups()) {
            keyShares.add(crypto.generateKeyShare(g));
        }
        long now = config.clock().millis();
        offeringPsk = ticket != null && ticket.isValidAt(now) && config.cipherSuites().contains(ticket.cipherSuite());
        offeringEarlyData = offeringPsk && config.earlyDataEnabled() && ticket.allowsEarlyData()
                && config.alpn().contains(ticket.alpn());
        byte[] ch = clientHello(null);
        transcript.add(ch);
        state = State.WAIT_SERVER_HELLO;
        listener.sendCrypto(EncryptionLevel.INITIAL, ch, 0, ch.length);
        if (offeringEarlyData) {
            CipherSuite s = ticket.cipherSuite();
            byte[] secret = new KeySchedule(crypto, s, ticket.psk())
                    .clientEarlyTrafficSecret(transcript.hash(crypto, s.hashLength()));
            listener.earlyDataOffered(ticket.serverTransportParameters());
            listener.installKeys(EncryptionLevel.EARLY_DATA, null, crypto.packetProtection(s, secret));
        }
    }

    /** Whether 0-RTT was offered and the server accepted it. */
    public boolean isEarlyDataAccepted() {
        return earlyDataAccepted;
    }

    /** The server's certificate chain (DER, end-entity first), null before it arrived. */
    public List<byte[]> peerCertificates() {
        return serverCertificates;
    }

    private byte[] clientHello(byte[] cookie) {
        List<Extension> exts = new ArrayList<>();
        if (config.serverName() != null) {
            exts.add(Extensions.serverName(config.serverName()));
        }
        exts.add(Extensions.supportedVersionsClient());
        exts.add(Extensions.u16List(ExtensionType.SUPPORTED_GROUPS, config.groups().stream().mapToInt(NamedGroup::code).toArray()));
        exts.add(Extensions.u16List(ExtensionType.SIGNATURE_ALGORITHMS,
                config.signatureSchemes().stream().mapToInt(SignatureScheme::code).toArray()));
        List<KeyShareEntry> entries = new ArrayList<>();
        for (KeyShare k : keyShares) {
            entries.add(new KeyShareEntry(k.group().code(), k.publicKey()));
        }
        exts.add(Extensions.keyShareClient(entries));
        if (cookie != null) {
            exts.add(new Extension(ExtensionType.COOKIE, cookie));
        }
        exts.add(Extensions.alpn(config.alpn()));
        exts.add(new Extension(ExtensionType.QUIC_TRANSPORT_PARAMETERS, localTransportParameters));
        int h = 0;
        if (offeringPsk) {
            if (offeringEarlyData && !retried) {
                exts.add(Extensions.earlyDataEmpty());
            }
            exts.add(Extensions.pskKeyExchangeModes());
            h = ticket.cipherSuite().hashLength();
            // pre_shared_key must come last (RFC 8446 §4.2.11): its binder covers everything before it.
            exts.add(Extensions.preSharedKeyClient(ticket.identity(), ticket.obfuscatedAge(config.clock().millis()), h));
        }
        int[] suites = config.cipherSuites().stream().mapToInt(CipherSuite::code).toArray();
        // Empty legacy_session_id: QUIC forbids middlebox compatibility mode (RFC 9001 §8.4).
        byte[] ch = new ClientHello(random, new byte[0], suites, new byte[] {0}, exts).encode();
        if (offeringPsk) {
            int truncated = ch.length - (2 + 1 + h);
            byte[] binder = new KeySchedule(crypto, ticket.cipherSuite(), ticket.psk())
                    .binder(transcript.hashWith(crypto, h, ch, truncated));
            System.arraycopy(binder, 0, ch, ch.length - h, h);
        }
        return ch;
    }

    @Override
    void handle(EncryptionLevel level, HandshakeMessage m) throws TlsAlertException {
        switch (state) {
            case WAIT_SERVER_HELLO:
                expect(level, EncryptionLevel.INITIAL, m, HandshakeType.SERVER_HELLO, "waiting for ServerHello");
                ServerHello sh = ServerHello.decode(m.body());
                if (sh.isHelloRetryRequest()) {
                    onHelloRetryRequest(sh, m);
                } else {
                    onServerHello(sh, m);
                }
                break;
            case WAIT_ENCRYPTED_EXTENSIONS:
                expect(level, EncryptionLevel.HANDSHAKE, m, HandshakeType.ENCRYPTED_EXTENSIONS, "waiting for EncryptedExtensions");
                onEncryptedExtensions(m);
                break;
            case WAIT_CERTIFICATE:
                if (level == EncryptionLevel.HANDSHAKE && m.type() == HandshakeType.CERTIFICATE_REQUEST
                        && certificateRequestContext == null) {
                    onCertificateRequest(m);
                    break;
                }
                expect(level, EncryptionLevel.HANDSHAKE, m, HandshakeType.CERTIFICATE, "waiting for Certificate");
                onCertificate(m);
                break;
            case WAIT_CERTIFICATE_VERIFY:
                expect(level, EncryptionLevel.HANDSHAKE, m, HandshakeType.CERTIFICATE_VERIFY, "waiting for CertificateVerify");
                onCertificateVerify(m);
                break;
            case WAIT_FINISHED:
                expect(level, EncryptionLevel.HANDSHAKE, m, HandshakeType.FINISHED, "waiting for Finished");
                onServerFinished(m);
                break;
            case CONNECTED:
                if (level == EncryptionLevel.APPLICATION && m.type() == HandshakeType.NEW_SESSION_TICKET) {
                    onNewSessionTicket(m);
                    return;
                }
                throw unexpected(m, level, "connected");
            default:
                throw unexpected(m, level, "not started");
        }
    }

    private static void expect(EncryptionLevel level, EncryptionLevel wantLevel, HandshakeMessage m, int wantType,
                               String state) throws TlsAlertException {
        if (level != wantLevel || m.type() != wantType) {
            throw unexpected(m, level, state);
        }
    }

    private CipherSuite offeredSuite(int code) throws TlsAlertException {
        CipherSuite s = CipherSuite.fromCode(code);
        if (s == null || !config.cipherSuites().contains(s)) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "server chose a cipher suite we did not offer: " + code);
        }
        return s;
    }

    private static void checkHelloCommon(ServerHello sh, int[] allowed) throws TlsAlertException {
        if (sh.sessionIdEcho().length != 0) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "legacy_session_id_echo does not match");
        }
        if (sh.compression() != 0) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "non-null compression method");
        }
        Extension v = Extension.find(sh.extensions(), ExtensionType.SUPPORTED_VERSIONS);
        if (v == null || Extensions.readSupportedVersionServer(v.data()) != ExtensionType.TLS13) {
            throw new TlsAlertException(Alert.PROTOCOL_VERSION, "server did not select TLS 1.3");
        }
        for (Extension e : sh.extensions()) {
            if (!TlsServer.contains(allowed, e.type())) {
                throw new TlsAlertException(Alert.UNSUPPORTED_EXTENSION, "unexpected extension " + e.type() + " in ServerHello");
            }
        }
    }

    private void onHelloRetryRequest(ServerHello hrr, HandshakeMessage m) throws TlsAlertException {
        if (retried) {
            throw new TlsAlertException(Alert.UNEXPECTED_MESSAGE, "second HelloRetryRequest");
        }
        checkHelloCommon(hrr, HRR_ALLOWED);
        CipherSuite s = offeredSuite(hrr.cipherSuite());
        Extension ks = Extension.find(hrr.extensions(), ExtensionType.KEY_SHARE);
        Extension cookie = Extension.find(hrr.extensions(), ExtensionType.COOKIE);
        if (ks == null && cookie == null) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "HelloRetryRequest would not change the ClientHello");
        }
        if (ks != null) {
            NamedGroup g = NamedGroup.fromCode(Extensions.readKeyShareHelloRetry(ks.data()));
            if (g == null || !config.groups().contains(g)) {
                throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "HelloRetryRequest names a group we did not offer");
            }
            for (KeyShare k : keyShares) {
                if (k.group() == g) {
                    throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "HelloRetryRequest asks for a share we already sent");
                }
            }
            keyShares.clear();
            keyShares.add(crypto.generateKeyShare(g));
        }
        byte[] cookieData = null;
        if (cookie != null) {
            TlsReader r = new TlsReader(cookie.data());
            cookieData = cookie.data();
            if (r.opaque16().length == 0) {
                throw new TlsAlertException(Alert.DECODE_ERROR, "empty cookie");
            }
            r.expectEnd();
        }
        retried = true;
        retrySuite = s;
        if (offeringPsk && s.hashLength() != ticket.cipherSuite().hashLength()) {
            offeringPsk = false;
        }
        if (offeringEarlyData) {
            offeringEarlyData = false; // no 0-RTT after a HelloRetryRequest (RFC 8446 §4.2.10)
            listener.earlyDataRejected();
        }
        transcript.replaceWithMessageHash(crypto, s.hashLength());
        transcript.add(m.encoded());
        requireNoBufferedData(EncryptionLevel.INITIAL);
        byte[] ch2 = clientHello(cookieData);
        transcript.add(ch2);
        listener.sendCrypto(EncryptionLevel.INITIAL, ch2, 0, ch2.length);
    }

    private void onServerHello(ServerHello sh, HandshakeMessage m) throws TlsAlertException {
        checkHelloCommon(sh, SH_ALLOWED);
        if (sh.legacyVersion() != 0x0303) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "ServerHello legacy_version must be 0x0303");
        }
        CipherSuite s = offeredSuite(sh.cipherSuite());
        if (retried && s != retrySuite) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "ServerHello changed the suite chosen in HelloRetryRequest");
        }
        Extension pskExt = Extension.find(sh.extensions(), ExtensionType.PRE_SHARED_KEY);
        if (pskExt != null) {
            if (!offeringPsk) {
                throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "server selected a PSK we never offered");
            }
            if (Extensions.readPreSharedKeyServer(pskExt.data()) != 0) {
                throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "server selected a PSK identity we never offered");
            }
            if (s.hashLength() != ticket.cipherSuite().hashLength()) {
                throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "server chose a suite whose hash does not fit the PSK");
            }
            resumed = true;
        }
        Extension ks = Extension.find(sh.extensions(), ExtensionType.KEY_SHARE);
        if (ks == null) {
            throw new TlsAlertException(Alert.MISSING_EXTENSION, "ServerHello without key_share");
        }
        KeyShareEntry entry = Extensions.readKeyShareServer(ks.data());
        KeyShare mine = null;
        for (KeyShare k : keyShares) {
            if (k.group().code() == entry.group()) {
                mine = k;
            }
        }
        if (mine == null) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "server key share for a group we sent no share for");
        }
        byte[] shared = mine.agree(entry.keyExchange());
        if (shared == null) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "invalid server key share");
        }
        suite = s;
        transcript.add(m.encoded());
        requireNoBufferedData(EncryptionLevel.INITIAL);
        keys = new KeySchedule(crypto, suite, resumed ? ticket.psk() : null);
        keys.handshake(shared, transcriptHash());
        keyShares.clear();
        state = State.WAIT_ENCRYPTED_EXTENSIONS;
        listener.installKeys(EncryptionLevel.HANDSHAKE,
                crypto.packetProtection(suite, keys.serverHandshakeSecret),
                crypto.packetProtection(suite, keys.clientHandshakeSecret));
    }

    private void onEncryptedExtensions(HandshakeMessage m) throws TlsAlertException {
        List<Extension> exts = HandshakeMessages.decodeEncryptedExtensions(m.body());
        for (Extension e : exts) {
            if (TlsServer.contains(EE_FORBIDDEN, e.type())) {
                throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "extension " + e.type() + " not allowed in EncryptedExtensions");
            }
        }
        Extension a = Extension.find(exts, ExtensionType.ALPN);
        if (a == null) {
            throw new TlsAlertException(Alert.NO_APPLICATION_PROTOCOL, "server selected no ALPN protocol");
        }
        List<String> selected = Extensions.readAlpn(a.data());
        if (selected.size() != 1 || !config.alpn().contains(selected.get(0))) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "server ALPN selection " + selected + " is not one we offered");
        }
        Extension tp = Extension.find(exts, ExtensionType.QUIC_TRANSPORT_PARAMETERS);
        if (tp == null) {
            throw new TlsAlertException(Alert.MISSING_EXTENSION, "no quic_transport_parameters (RFC 9001 §8.2)");
        }
        Extension early = Extension.find(exts, ExtensionType.EARLY_DATA);
        if (early != null) {
            if (!offeringEarlyData || !resumed) {
                throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "server accepted early data we never offered");
            }
            Extensions.requireEmpty(early);
            if (!selected.get(0).equals(ticket.alpn())) {
                throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "server accepted 0-RTT under another ALPN than the ticket's");
            }
        }
        alpn = selected.get(0);
        peerTransportParameters = tp.data();
        transcript.add(m.encoded());
        state = resumed ? State.WAIT_FINISHED : State.WAIT_CERTIFICATE;
        if (early != null) {
            earlyDataAccepted = true;
            listener.earlyDataAccepted();
        } else if (offeringEarlyData) {
            listener.earlyDataRejected();
        }
    }

    private void onCertificateRequest(HandshakeMessage m) throws TlsAlertException {
        TlsReader r = new TlsReader(m.body());
        byte[] context = r.opaque8();
        List<Extension> exts = Extension.readList(r);
        r.expectEnd();
        if (Extension.find(exts, ExtensionType.SIGNATURE_ALGORITHMS) == null) {
            throw new TlsAlertException(Alert.MISSING_EXTENSION, "CertificateRequest without signature_algorithms");
        }
        certificateRequestContext = context;
        transcript.add(m.encoded());
    }

    private void onCertificate(HandshakeMessage m) throws TlsAlertException {
        CertificateMessage cm = CertificateMessage.decode(m.body());
        if (cm.context().length != 0) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "server Certificate with a request context");
        }
        if (cm.certificates().isEmpty()) {
            throw new TlsAlertException(Alert.DECODE_ERROR, "server sent no certificate");
        }
        VerificationKey key = crypto.publicKeyOf(cm.certificates().get(0));
        if (key == null) {
            throw new TlsAlertException(Alert.UNSUPPORTED_CERTIFICATE, "cannot read the server certificate's public key");
        }
        if (!config.trust().trusted(cm.certificates(), config.serverName())) {
            throw new TlsAlertException(Alert.BAD_CERTIFICATE, "server certificate is not trusted");
        }
        serverKey = key;
        serverCertificates = cm.certificates();
        transcript.add(m.encoded());
        state = State.WAIT_CERTIFICATE_VERIFY;
    }

    private void onCertificateVerify(HandshakeMessage m) throws TlsAlertException {
        CertificateVerify cv = CertificateVerify.decode(m.body());
        SignatureScheme scheme = SignatureScheme.fromCode(cv.scheme());
        if (scheme == null || !config.signatureSchemes().contains(scheme) || !serverKey.supports(scheme)) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "CertificateVerify with a scheme we did not offer: " + cv.scheme());
        }
        byte[] content = KeySchedule.certificateVerifyContent(true, transcriptHash());
        if (!serverKey.verify(scheme, content, 0, content.length, cv.signature())) {
            throw new TlsAlertException(Alert.DECRYPT_ERROR, "CertificateVerify signature does not verify");
        }
        transcript.add(m.encoded());
        state = State.WAIT_FINISHED;
    }

    private void onServerFinished(HandshakeMessage m) throws TlsAlertException {
        if (m.body().length != suite.hashLength()) {
            throw new TlsAlertException(Alert.DECODE_ERROR, "Finished of wrong length");
        }
        byte[] expected = keys.finishedVerifyData(keys.serverHandshakeSecret, transcriptHash());
        if (!KeySchedule.equal(expected, m.body())) {
            throw new TlsAlertException(Alert.DECRYPT_ERROR, "server Finished does not verify");
        }
        transcript.add(m.encoded());
        requireNoBufferedData(EncryptionLevel.HANDSHAKE);
        byte[] throughServerFinished = transcriptHash();
        keys.application(throughServerFinished);
        TlsWriter flight = new TlsWriter(64);
        if (certificateRequestContext != null) {
            // No client certificate configured: an empty Certificate and no CertificateVerify (RFC 8446 §4.4.2);
            // the server decides whether to continue.
            byte[] empty = new CertificateMessage(certificateRequestContext, List.of()).encode();
            transcript.add(empty);
            flight.bytes(empty);
        }
        byte[] fin = HandshakeMessages.encodeFinished(keys.finishedVerifyData(keys.clientHandshakeSecret, transcriptHash()));
        transcript.add(fin);
        flight.bytes(fin);
        resumptionSecret = keys.resumptionMasterSecret(transcriptHash());
        state = State.CONNECTED;
        complete = true;
        listener.sendCrypto(EncryptionLevel.HANDSHAKE, flight.array(), 0, flight.length());
        listener.installKeys(EncryptionLevel.APPLICATION,
                crypto.packetProtection(suite, keys.serverApplicationSecret),
                crypto.packetProtection(suite, keys.clientApplicationSecret));
        listener.handshakeComplete();
    }

    private void onNewSessionTicket(HandshakeMessage m) throws TlsAlertException {
        HandshakeMessages.NewSessionTicket nst = HandshakeMessages.NewSessionTicket.decode(m.body());
        if (nst.maxEarlyData() != 0 && nst.maxEarlyData() != 0xffffffffL) {
            // RFC 9001 §4.6.1: anything else in a QUIC ticket is a protocol violation.
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "max_early_data_size must be 0xffffffff in QUIC");
        }
        if (nst.lifetime() == 0) {
            return; // the server says: do not use
        }
        byte[] psk = keys.ticketPsk(resumptionSecret, nst.nonce());
        listener.sessionTicket(new SessionTicket(suite, nst.ticket(), psk, nst.ageAdd(), nst.lifetime(),
                config.clock().millis(), nst.maxEarlyData(), alpn, config.serverName(), peerTransportParameters));
    }
}
