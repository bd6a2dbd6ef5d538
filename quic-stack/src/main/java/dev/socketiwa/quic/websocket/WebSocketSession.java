package dev.socketiwa.quic.websocket;

import dev.socketiwa.quic.crypto.RandomSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One WebSocket endpoint (RFC 6455 framing), sans-IO: the transport feeds the peer's bytes to {@link #receive} and
 * sends what {@link #output} holds. Over HTTP/3 (RFC 9220, by way of RFC 8441 §5) the CONNECT stream plays the TCP
 * connection's part and the framing rules stay those of RFC 6455: a client masks every frame, a server never does.
 * Violations fail the WebSocket with a Close frame: 1002 (protocol), 1007 (invalid UTF-8), 1009 (too big).
 */
public final class WebSocketSession {
    public static final int DEFAULT_MAX_MESSAGE = 1 << 20;
    private static final int MAX_CONTROL = 125;

    private final boolean client;
    private final int maxMessage;
    private final WebSocketListener listener;
    private final RandomSource random;

    // parser
    private final byte[] head = new byte[14];
    private int headHave;
    private int headNeed = 2;
    private boolean inPayload;
    private int opcode;
    private boolean fin;
    private long payloadRemaining;
    private boolean masked;
    private final byte[] mask = new byte[4];
    private int maskPos;
    private int messageOpcode = -1;
    private byte[] message = new byte[256];
    private int messageLength;
    private final Utf8Validator utf8 = new Utf8Validator();
    private final byte[] control = new byte[MAX_CONTROL];
    private int controlLength;

    // output
    private byte[] out = new byte[256];
    private int outStart;
    private int outLength;
    private final byte[] frameHead = new byte[14];
    private final byte[] maskKey = new byte[4];

    private boolean closeSent;
    private boolean closeReceived;
    private boolean closed;
    private int closeCode;
    private String closeReason;

    private WebSocketSession(boolean client, int maxMessage, WebSocketListener listener, RandomSource random) {
        if (maxMessage < 0) throw new IllegalArgumentException("maxMessage " + maxMessage);
        this.client = client;
        this.maxMessage = maxMessage;
        this.listener = listener;
        this.random = random;
    }

    /** The server end: expects masked frames, sends unmasked ones. */
    public static WebSocketSession server(int maxMessage, WebSocketListener listener) {
        return new WebSocketSession(false, maxMessage, listener, null);
    }

    /** The client end: masks each frame with a fresh key from random, expects unmasked frames. */
    public static WebSocketSession client(int maxMessage, WebSocketListener listener, RandomSource random) {
        if (random == null) throw new IllegalArgumentException("a WebSocket client needs randomness for its masks");
        return new WebSocketSession(true, maxMessage, listener, random);
    }

    public boolean isClosed() {
        return closed;
    }

    /** True once we sent a Close frame: nothing more may be sent. */
    public boolean isCloseSent() {
        return closeSent;
    }

    /** The code the WebSocket closed with (see {@link WebSocketListener#onClose}), or 0 while open. */
    public int closeCode() {
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }

    // ------------------------------------------------------------------------------------------------ receiving

    /** Parses the peer's bytes; callbacks fire as messages complete. Ignores input once closed. */
    public void receive(byte[] b, int off, int len) {
        int end = off + len;
        while (off < end && !closed) {
            if (!inPayload) {
                head[headHave++] = b[off++];
                if (headHave == 2 && !checkFirstBytes()) return;
                if (headHave == headNeed && !startFrame()) return;
                continue;
            }
            int n = (int) Math.min(end - off, payloadRemaining);
            if (!payload(b, off, n)) return;
            off += n;
            payloadRemaining -= n;
            if (payloadRemaining == 0) endFrame();
        }
    }

    /** The peer's direction of the stream ended (FIN or reset): without a Close frame, that is 1006. */
    public void onInputEnded() {
        if (closed) return;
        finishClose(WsCloseCode.ABNORMAL, "the stream ended without a Close frame");
    }

    private boolean checkFirstBytes() {
        int b0 = head[0] & 0xff;
        int b1 = head[1] & 0xff;
        if ((b0 & 0x70) != 0) return fail(WsCloseCode.PROTOCOL_ERROR, "reserved bits set without an extension");
        int op = b0 & 0x0f;
        if (!WsOpcode.isKnown(op)) return fail(WsCloseCode.PROTOCOL_ERROR, "unknown opcode " + op);
        boolean f = (b0 & 0x80) != 0;
        boolean m = (b1 & 0x80) != 0;
        int len7 = b1 & 0x7f;
        if (m != !client) {
            return fail(WsCloseCode.PROTOCOL_ERROR, client ? "masked frame from the server" : "unmasked frame from the client");
        }
        if (WsOpcode.isControl(op)) {
            if (!f) return fail(WsCloseCode.PROTOCOL_ERROR, "fragmented control frame");
            if (len7 > MAX_CONTROL) return fail(WsCloseCode.PROTOCOL_ERROR, "control frame longer than 125 bytes");
        } else if (op == WsOpcode.CONTINUATION) {
            if (messageOpcode < 0) return fail(WsCloseCode.PROTOCOL_ERROR, "continuation without a message to continue");
        } else if (messageOpcode >= 0) {
            return fail(WsCloseCode.PROTOCOL_ERROR, "new message before the fragmented one ended");
        }
        headNeed = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + (m ? 4 : 0);
        return true;
    }

    private boolean startFrame() {
        int b0 = head[0] & 0xff;
        int len7 = head[1] & 0x7f;
        opcode = b0 & 0x0f;
        fin = (b0 & 0x80) != 0;
        masked = (head[1] & 0x80) != 0;
        int pos = 2;
        long length = len7;
        if (len7 == 126) {
            length = ((head[2] & 0xff) << 8) | (head[3] & 0xff);
            pos = 4;
        } else if (len7 == 127) {
            if ((head[2] & 0x80) != 0) return fail(WsCloseCode.PROTOCOL_ERROR, "64-bit length with its top bit set");
            length = 0;
            for (int i = 2; i < 10; i++) length = (length << 8) | (head[i] & 0xff);
            pos = 10;
        }
        if (masked) System.arraycopy(head, pos, mask, 0, 4);
        maskPos = 0;
        headHave = 0;
        headNeed = 2;
        if (WsOpcode.isControl(opcode)) {
            controlLength = 0;
        } else {
            if (messageLength + length > maxMessage) {
                return fail(WsCloseCode.MESSAGE_TOO_BIG, "message over " + maxMessage + " bytes");
            }
            if (opcode != WsOpcode.CONTINUATION) {
                messageOpcode = opcode;
                messageLength = 0;
                utf8.reset();
            }
            int need = (int) (messageLength + length);
            if (need > message.length) message = Arrays.copyOf(message, Math.max(need, Math.min(maxMessage, message.length * 2)));
        }
        payloadRemaining = length;
        inPayload = true;
        if (length == 0) endFrame();
        return true;
    }

    private boolean payload(byte[] b, int off, int n) {
        byte[] dst;
        int at;
        if (WsOpcode.isControl(opcode)) {
            dst = control;
            at = controlLength;
            controlLength += n;
        } else {
            dst = message;
            at = messageLength;
            messageLength += n;
        }
        System.arraycopy(b, off, dst, at, n);
        if (masked) {
            for (int i = 0; i < n; i++) dst[at + i] ^= mask[(maskPos + i) & 3];
            maskPos = (maskPos + n) & 3;
        }
        if (!WsOpcode.isControl(opcode) && messageOpcode == WsOpcode.TEXT && !utf8.feed(dst, at, n)) {
            return fail(WsCloseCode.INVALID_PAYLOAD, "text message is not UTF-8");
        }
        return true;
    }

    private void endFrame() {
        inPayload = false;
        if (WsOpcode.isControl(opcode)) {
            byte[] p = Arrays.copyOf(control, controlLength);
            if (opcode == WsOpcode.PING) {
                if (!closeSent) writeFrame(WsOpcode.PONG, true, p, 0, p.length);
                listener.onPing(p);
            } else if (opcode == WsOpcode.PONG) {
                listener.onPong(p);
            } else {
                closeFrameReceived(p);
            }
            return;
        }
        if (!fin) return;
        int op = messageOpcode;
        messageOpcode = -1;
        int len = messageLength;
        messageLength = 0;
        if (op == WsOpcode.TEXT) {
            if (!utf8.complete()) {
                fail(WsCloseCode.INVALID_PAYLOAD, "text message ends inside a UTF-8 sequence");
                return;
            }
            listener.onText(new String(message, 0, len, StandardCharsets.UTF_8));
        } else {
            listener.onBinary(Arrays.copyOf(message, len));
        }
    }

    private void closeFrameReceived(byte[] p) {
        int code = WsCloseCode.NO_STATUS;
        String reason = "";
        if (p.length == 1) {
            fail(WsCloseCode.PROTOCOL_ERROR, "Close frame with a 1-byte payload");
            return;
        }
        if (p.length >= 2) {
            code = ((p[0] & 0xff) << 8) | (p[1] & 0xff);
            if (!WsCloseCode.isSendable(code)) {
                fail(WsCloseCode.PROTOCOL_ERROR, "Close frame with code " + code);
                return;
            }
            if (!Utf8Validator.isValid(p, 2, p.length - 2)) {
                fail(WsCloseCode.INVALID_PAYLOAD, "Close reason is not UTF-8");
                return;
            }
            reason = new String(p, 2, p.length - 2, StandardCharsets.UTF_8);
        }
        closeReceived = true;
        if (!closeSent) {
            // echo the peer's code and reason (RFC 6455 §5.5.1), so it sees its own reason back (browsers show it)
            writeFrame(WsOpcode.CLOSE, true, p, 0, p.length);
            closeSent = true;
        }
        finishClose(code, reason);
    }

    /** Fails the WebSocket: our Close frame with the code goes out and nothing more is read. Returns false. */
    private boolean fail(int code, String reason) {
        if (closed) return false;
        if (!closeSent) {
            writeClose(code, reason);
            closeSent = true;
        }
        finishClose(code, reason);
        return false;
    }

    private void finishClose(int code, String reason) {
        if (closed) return;
        closed = true;
        closeCode = code;
        closeReason = reason;
        listener.onClose(code, reason);
    }

    // ------------------------------------------------------------------------------------------------ sending

    /** Queues a whole text message; false when the WebSocket is closing or closed (nothing queued). */
    public boolean sendText(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return sendFrame(WsOpcode.TEXT, true, b, 0, b.length);
    }

    /** Queues a whole binary message; false when closing or closed. */
    public boolean sendBinary(byte[] b, int off, int len) {
        return sendFrame(WsOpcode.BINARY, true, b, off, len);
    }

    /** Queues a Ping (at most 125 bytes); false when closing or closed. */
    public boolean ping(byte[] payload) {
        return sendFrame(WsOpcode.PING, true, payload, 0, payload.length);
    }

    /**
     * Queues one frame as it is: for fragmented messages (TEXT or BINARY with fin false, then CONTINUATION frames).
     * Masking follows the role. Control frames must be whole and at most 125 bytes.
     */
    public boolean sendFrame(int opcode, boolean fin, byte[] b, int off, int len) {
        if (!WsOpcode.isKnown(opcode) || opcode == WsOpcode.CLOSE) {
            throw new IllegalArgumentException("opcode " + opcode + " (use close() for Close)");
        }
        if (WsOpcode.isControl(opcode) && (!fin || len > MAX_CONTROL)) {
            throw new IllegalArgumentException("control frames are whole and at most 125 bytes");
        }
        if (closeSent) return false;
        writeFrame(opcode, fin, b, off, len);
        return true;
    }

    /**
     * Starts the closing handshake with a code (1000-1003, 1007-1011, 3000-4999) and a reason of at most 123 UTF-8
     * bytes. The WebSocket is closed once the peer's Close arrives (or the stream ends).
     */
    public void close(int code, String reason) {
        if (!WsCloseCode.isSendable(code)) throw new IllegalArgumentException("close code " + code + " cannot be sent");
        if (reason.getBytes(StandardCharsets.UTF_8).length > MAX_CONTROL - 2) {
            throw new IllegalArgumentException("close reason over 123 bytes");
        }
        if (closeSent) return;
        writeClose(code, reason);
        closeSent = true;
        if (closeReceived) finishClose(code, reason);
    }

    private void writeClose(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(r.length, MAX_CONTROL - 2);
        byte[] p = new byte[2 + n];
        p[0] = (byte) (code >>> 8);
        p[1] = (byte) code;
        System.arraycopy(r, 0, p, 2, n);
        writeFrame(WsOpcode.CLOSE, true, p, 0, p.length);
    }

    private void writeFrame(int op, boolean f, byte[] b, int off, int len) {
        int h = 0;
        frameHead[h++] = (byte) ((f ? 0x80 : 0) | op);
        int maskBit = client ? 0x80 : 0;
        if (len < 126) {
            frameHead[h++] = (byte) (maskBit | len);
        } else if (len < 65536) {
            frameHead[h++] = (byte) (maskBit | 126);
            frameHead[h++] = (byte) (len >>> 8);
            frameHead[h++] = (byte) len;
        } else {
            frameHead[h++] = (byte) (maskBit | 127);
            for (int i = 7; i >= 0; i--) frameHead[h++] = (byte) (i >= 4 ? 0 : len >>> (8 * i));
        }
        if (client) {
            random.nextBytes(maskKey, 0, 4);
            System.arraycopy(maskKey, 0, frameHead, h, 4);
            h += 4;
        }
        ensure(h + len);
        System.arraycopy(frameHead, 0, out, outLength, h);
        outLength += h;
        System.arraycopy(b, off, out, outLength, len);
        if (client) {
            for (int i = 0; i < len; i++) out[outLength + i] ^= maskKey[i & 3];
        }
        outLength += len;
    }

    private void ensure(int more) {
        if (outLength + more <= out.length) return;
        int pending = outLength - outStart;
        byte[] to = pending + more > out.length ? new byte[Math.max(pending + more, out.length * 2)] : out;
        System.arraycopy(out, outStart, to, 0, pending);
        out = to;
        outStart = 0;
        outLength = pending;
    }

    /** Bytes waiting for the transport: output()[outputOffset(), outputOffset() + pendingOutput()). */
    public byte[] output() {
        return out;
    }

    public int outputOffset() {
        return outStart;
    }

    /** How many bytes wait for the transport (the browser API's bufferedAmount). */
    public int pendingOutput() {
        return outLength - outStart;
    }

    /** The transport took n bytes of {@link #output}. */
    public void consume(int n) {
        outStart += n;
        if (outStart == outLength) {
            outStart = 0;
            outLength = 0;
        }
    }

    /** True when our Close frame has gone out entirely: the transport ends our direction of the stream now. */
    public boolean outputDone() {
        return closeSent && outLength == outStart;
    }
}
