package dev.socketiwa.quic.tls;

import java.util.ArrayList;
import java.util.List;

/** One extension: its type and raw body. Typed views live in {@link Extensions}. */
record Extension(int type, byte[] data) {

    /** Reads an extensions block (u16 length + entries); a repeated type is illegal_parameter (RFC 8446 §4.2). */
    static List<Extension> readList(TlsReader r) throws TlsAlertException {
        TlsReader list = r.vec16();
        List<Extension> out = new ArrayList<>();
        while (list.hasRemaining()) {
            int type = list.u16();
            byte[] data = list.opaque16();
            for (Extension e : out) {
                if (e.type == type) {
                    throw new TlsAlertException(Alert.ILLEGAL_PARAMETER, "duplicate extension " + type);
                }
            }
            out.add(new Extension(type, data));
        }
        return out;
    }

    static void writeList(TlsWriter w, List<Extension> exts) {
        int l = w.beginLength(2);
        for (Extension e : exts) {
            w.u16(e.type).u16(e.data.length).bytes(e.data);
        }
        w.endLength(l);
    }

    static Extension find(List<Extension> exts, int type) {
        for (Extension e : exts) {
            if (e.type == type) {
                return e;
            }
        }
        return null;
    }
}
