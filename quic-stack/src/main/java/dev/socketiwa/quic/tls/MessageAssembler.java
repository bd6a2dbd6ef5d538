package dev.socketiwa.quic.tls;

import java.util.Arrays;

/**
 * Cuts one encryption level's in-order CRYPTO bytes into handshake messages. Bounds what a peer can make us buffer:
 * a message announcing more than {@link #MAX_MESSAGE} bytes is rejected from its 4-byte header.
 */
final class MessageAssembler {
    /** Far above real handshakes (a long certificate chain is ~10 KB) yet small enough to bound memory per connection. */
    static final int MAX_MESSAGE = 65536;
    private byte[] buf = new byte[0];
    private int len;

    void append(byte[] data, int off, int n) throws TlsAlertException {
        if (n < 0 || off < 0 || data == null || off + n > data.length) {
            throw new TlsAlertException(Alert.INTERNAL_ERROR, "bad CRYPTO buffer bounds");
        }
        if (len + n > buf.length) {
            if (len + n > MAX_MESSAGE * 2 + 8) {
                throw new TlsAlertException(Alert.UNEXPECTED_MESSAGE, "too much unprocessed handshake data");
            }
            buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
        }
        System.arraycopy(data, off, buf, len, n);
        len += n;
    }

    /** The next complete message, or null when more bytes are needed. */
    HandshakeMessage next() throws TlsAlertException {
        if (len < 4) {
            return null;
        }
        int type = buf[0] & 0xff;
        int bodyLen = (buf[1] & 0xff) << 16 | (buf[2] & 0xff) << 8 | (buf[3] & 0xff);
        if (bodyLen > MAX_MESSAGE) {
            throw new TlsAlertException(Alert.DECODE_ERROR, "handshake message of " + bodyLen + " bytes exceeds the limit");
        }
        if (len < 4 + bodyLen) {
            return null;
        }
        byte[] encoded = Arrays.copyOf(buf, 4 + bodyLen);
        byte[] body = Arrays.copyOfRange(buf, 4, 4 + bodyLen);
        System.arraycopy(buf, 4 + bodyLen, buf, 0, len - 4 - bodyLen);
        len -= 4 + bodyLen;
        return new HandshakeMessage(type, body, encoded);
    }

    /** Bytes of an incomplete message still buffered (a key change must not split a message, RFC 8446 §5.1). */
    int buffered() {
        return len;
    }
}
