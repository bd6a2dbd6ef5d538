package dev.socketiwa.quic.tls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Encoders and strict decoders for the extension bodies we use. Decoders raise decode_error on malformed bodies. */
final class Extensions {
    private Extensions() {
    }

    // --- supported_versions (RFC 8446 §4.2.1)

    static Extension supportedVersionsClient() {
        return new Extension(ExtensionType.SUPPORTED_VERSIONS, new TlsWriter(3).u8(2).u16(ExtensionType.TLS13).toByteArray());
    }

    static Extension supportedVersionServer() {
        return new Extension(ExtensionType.SUPPORTED_VERSIONS, new TlsWriter(2).u16(ExtensionType.TLS13).toByteArray());
    }

    static int[] readSupportedVersionsClient(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data);
        TlsReader v = r.vec8();
        r.expectEnd();
        return readU16List(v, 2);
    }

    static int readSupportedVersionServer(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data);
        int v = r.u16();
        r.expectEnd();
        return v;
    }

    // --- supported_groups (§4.2.7), signature_algorithms (§4.2.3): u16 lists under a u16 length

    static Extension u16List(int type, int[] values) {
        TlsWriter w = new TlsWriter();
        int l = w.beginLength(2);
        for (int v : values) {
            w.u16(v);
        }
        w.endLength(l);
        return new Extension(type, w.toByteArray());
    }

    static int[] readU16ListBody(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data);
        TlsReader v = r.vec16();
        r.expectEnd();
        return readU16List(v, 2);
    }

    private static int[] readU16List(TlsReader v, int minBytes) throws TlsAlertException {
        if (v.remaining() < minBytes || (v.remaining() & 1) != 0) {
            throw new TlsAlertException(Alert.DECODE_ERROR, "bad list length");
        }
        int[] out = new int[v.remaining() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.u16();
        }
        return out;
    }

    // --- key_share (§4.2.8)

    static Extension keyShareClient(List<KeyShareEntry> shares) {
        TlsWriter w = new TlsWriter();
        int l = w.beginLength(2);
        for (KeyShareEntry e : shares) {
            w.u16(e.group()).u16(e.keyExchange().length).bytes(e.keyExchange());
        }
        w.endLength(l);
        return new Extension(ExtensionType.KEY_SHARE, w.toByteArray());
    }

    static Extension keyShareServer(KeyShareEntry e) {
        TlsWriter w = new TlsWriter();
        w.u16(e.group()).u16(e.keyExchange().length).bytes(e.keyExchange());
        return new Extension(ExtensionType.KEY_SHARE, w.toByteArray());
    }

    static Extension keyShareHelloRetry(int group) {
        return new Extension(ExtensionType.KEY_SHARE, new TlsWriter(2).u16(group).toByteArray());
    }

    static List<KeyShareEntry> readKeyShareClient(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data);
        TlsReader list = r.vec16();
        r.expectEnd();
        List<KeyShareEntry> out = new ArrayList<>();
        while (list.hasRemaining()) {
            int group = list.u16();
            byte[] key = list.opaque16();
            if (key.length == 0) {
                throw new TlsAlertException(Alert.DECODE_ERROR, "empty key_share entry");
            }
            for (KeyShareEntry e : out) {
                if (e.group() == group) {
                    // RFC 8446 §4.2.8: at most one share per group.
                    throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "two key shares for group " + group);
                }
            }
            out.add(new KeyShareEntry(group, key));
        }
        return out;
    }

    static KeyShareEntry readKeyShareServer(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data);
        int group = r.u16();
        byte[] key = r.opaque16();
        r.expectEnd();
        if (key.length == 0) {
            throw new TlsAlertException(Alert.DECODE_ERROR, "empty key_share");
        }
        return new KeyShareEntry(group, key);
    }

    static int readKeyShareHelloRetry(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data);
        int g = r.u16();
        r.expectEnd();
        return g;
    }

    // --- ALPN (RFC 7301 §3.1)

    static Extension alpn(List<String> protocols) {
        TlsWriter w = new TlsWriter();
        int l = w.beginLength(2);
        for (String p : protocols) {
            byte[] b = p.getBytes(StandardCharsets.UTF_8);
            w.u8(b.length).bytes(b);
        }
        w.endLength(l);
        return new Extension(ExtensionType.ALPN, w.toByteArray());
    }

    static List<String> readAlpn(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data);
        TlsReader list = r.vec16();
        r.expectEnd();
        List<String> out = new ArrayList<>();
        if (!list.hasRemaining()) {
            throw new TlsAlertException(Alert.DECODE_ERROR, "empty ALPN list");
        }
        while (list.hasRemaining()) {
            byte[] name = list.opaque8();
            if (name.length == 0) {
                throw new TlsAlertException(Alert.DECODE_ERROR, "empty ALPN protocol name");
            }
            out.add(new String(name, StandardCharsets.UTF_8));
        }
        return out;
    }

    // --- server_name (RFC 6066 §3): one host_name entry

    static Extension serverName(String host) {
        byte[] h = host.getBytes(StandardCharsets.US_ASCII);
        TlsWriter w = new TlsWriter();
        int l = w.beginLength(2);
        w.u8(0).u16(h.length).bytes(h);
        w.endLength(l);
        return new Extension(ExtensionType.SERVER_NAME, w.toByteArray());
    }

    /** The host_name, or null when the list holds no host_name entry. */
    static String readServerName(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data);
        TlsReader list = r.vec16();
        r.expectEnd();
        String host = null;
        while (list.hasRemaining()) {
            int type = list.u8();
            byte[] name = list.opaque16();
            if (type == 0) {
                if (host != null || name.length == 0) {
                    throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "bad server_name list");
                }
                host = new String(name, StandardCharsets.US_ASCII);
            }
        }
        return host;
    }

    // --- pre_shared_key (§4.2.11), psk_key_exchange_modes (§4.2.9), early_data (§4.2.10)

    static final int PSK_DHE_KE = 1;

    static Extension pskKeyExchangeModes() {
        return new Extension(ExtensionType.PSK_KEY_EXCHANGE_MODES, new byte[] {1, PSK_DHE_KE});
    }

    static boolean offersPskDheKe(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data);
        TlsReader modes = r.vec8();
        r.expectEnd();
        if (!modes.hasRemaining()) {
            throw new TlsAlertException(Alert.DECODE_ERROR, "empty psk_key_exchange_modes");
        }
        boolean dhe = false;
        while (modes.hasRemaining()) {
            dhe |= modes.u8() == PSK_DHE_KE;
        }
        return dhe;
    }

    static Extension earlyDataEmpty() {
        return new Extension(ExtensionType.EARLY_DATA, new byte[0]);
    }

    /** early_data in a NewSessionTicket: max_early_data_size. */
    static Extension earlyDataTicket(long maxEarlyData) {
        return new Extension(ExtensionType.EARLY_DATA, new TlsWriter(4).u32(maxEarlyData).toByteArray());
    }

    static long readEarlyDataTicket(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data);
        long v = r.u32();
        r.expectEnd();
        return v;
    }

    static void requireEmpty(Extension e) throws TlsAlertException {
        if (e.data().length != 0) {
            throw new TlsAlertException(Alert.DECODE_ERROR, "extension " + e.type() + " must be empty here");
        }
    }

    /** One identity with a zero binder of binderLength bytes: the binder is filled in once the hello is encoded. */
    static Extension preSharedKeyClient(byte[] identity, long obfuscatedAge, int binderLength) {
        TlsWriter w = new TlsWriter(identity.length + binderLength + 16);
        w.u16(identity.length + 6).u16(identity.length).bytes(identity).u32(obfuscatedAge);
        w.u16(binderLength + 1).u8(binderLength).bytes(new byte[binderLength]);
        return new Extension(ExtensionType.PRE_SHARED_KEY, w.toByteArray());
    }

    /** The size of the binders list at the end of a ClientHello carrying this extension (RFC 8446 §4.2.11.2). */
    static int bindersSize(byte[] pskExtensionData) throws TlsAlertException {
        TlsReader r = new TlsReader(pskExtensionData);
        r.vec16();
        return r.remaining();
    }

    record OfferedPsk(byte[] identity, long obfuscatedAge) {
    }

    record OfferedPsks(List<OfferedPsk> identities, List<byte[]> binders) {
    }

    static OfferedPsks readPreSharedKeyClient(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data);
        TlsReader ids = r.vec16();
        TlsReader bs = r.vec16();
        r.expectEnd();
        List<OfferedPsk> identities = new ArrayList<>();
        while (ids.hasRemaining()) {
            byte[] id = ids.opaque16();
            if (id.length == 0) {
                throw new TlsAlertException(Alert.DECODE_ERROR, "empty PSK identity");
            }
            identities.add(new OfferedPsk(id, ids.u32()));
        }
        List<byte[]> binders = new ArrayList<>();
        while (bs.hasRemaining()) {
            byte[] b = bs.opaque8();
            if (b.length < 32) {
                throw new TlsAlertException(Alert.DECODE_ERROR, "PSK binder shorter than 32 bytes");
            }
            binders.add(b);
        }
        if (identities.isEmpty() || identities.size() != binders.size()) {
            throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "pre_shared_key identities and binders do not pair up");
        }
        return new OfferedPsks(identities, binders);
    }

    static Extension preSharedKeyServer(int selected) {
        return new Extension(ExtensionType.PRE_SHARED_KEY, new TlsWriter(2).u16(selected).toByteArray());
    }

    static int readPreSharedKeyServer(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data);
        int v = r.u16();
        r.expectEnd();
        return v;
    }
}
