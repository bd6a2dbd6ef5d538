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
 * client offered no usable key share. No PSK, 0-RTT or client certificates yet (issue 9 adds tickets: the state
 * machine has a single place, {@link #onClientHello}, where a PSK would be selected).
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

    public TlsServer(TlsServerConfig config, CryptoProvider crypto, byte[] localTransportParameters, TlsListener listener) {
        super(crypto, listener);
        if (config == null || localTransportParameters == null) {
            throw new IllegalArgumentException("a TLS server needs its config and its encoded transport parameters");
        }
        this.config = config;
        this.localTransportParameters = localTransportParameters.clone();
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
        Extension psk = Extension.find(exts, ExtensionType.PRE_SHARED_KEY);
        if (psk != null && exts.get(exts.size() - 1) != psk) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "pre_shared_key is not the last extension");
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
        serverName = sniName;
        alpn = selectedAlpn;
        peerTransportParameters = tp.data();
        transcript.add(m.encoded());

        List<Extension> shExts = new ArrayList<>();
        shExts.add(Extensions.supportedVersionServer());
        shExts.add(Extensions.keyShareServer(new KeyShareEntry(group.code(), mine.publicKey())));
        byte[] sh = new ServerHello(0x0303, crypto.random().nextBytes(32), ch.sessionId(), suite.code(), 0, shExts).encode();
        transcript.add(sh);
        requireNoBufferedData(EncryptionLevel.INITIAL);
        listener.sendCrypto(EncryptionLevel.INITIAL, sh, 0, sh.length);

        keys = new KeySchedule(crypto, suite);
        keys.handshake(shared, transcriptHash());
        listener.installKeys(EncryptionLevel.HANDSHAKE,
                crypto.packetProtection(suite, keys.clientHandshakeSecret),
                crypto.packetProtection(suite, keys.serverHandshakeSecret));

        TlsWriter flight = new TlsWriter(2048);
        List<Extension> ee = new ArrayList<>();
        ee.add(Extensions.alpn(List.of(alpn)));
        ee.add(new Extension(ExtensionType.QUIC_TRANSPORT_PARAMETERS, localTransportParameters));
        addToFlight(flight, HandshakeMessages.encodeEncryptedExtensions(ee));
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
