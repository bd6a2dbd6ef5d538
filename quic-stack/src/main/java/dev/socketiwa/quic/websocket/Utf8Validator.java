package dev.socketiwa.quic.websocket;

/**
 * Checks UTF-8 a chunk at a time, carrying a sequence split across chunks (and so across WebSocket fragments).
 * Rejects what RFC 3629 forbids: overlong forms, surrogates, code points above U+10FFFF, stray continuation bytes.
 */
final class Utf8Validator {
    private int need;
    private int lo = 0x80;
    private int hi = 0xbf;

    /** False as soon as the bytes cannot be UTF-8, whatever follows. */
    boolean feed(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            int c = b[i] & 0xff;
            if (need == 0) {
                if (c < 0x80) continue;
                if (c >= 0xc2 && c <= 0xdf) {
                    need = 1;
                } else if (c == 0xe0) {
                    need = 2;
                    lo = 0xa0;
                } else if ((c >= 0xe1 && c <= 0xec) || c == 0xee || c == 0xef) {
                    need = 2;
                } else if (c == 0xed) {
                    need = 2;
                    hi = 0x9f; // no UTF-16 surrogates
                } else if (c == 0xf0) {
                    need = 3;
                    lo = 0x90;
                } else if (c >= 0xf1 && c <= 0xf3) {
                    need = 3;
                } else if (c == 0xf4) {
                    need = 3;
                    hi = 0x8f; // nothing above U+10FFFF
                } else {
                    return false;
                }
            } else {
                if (c < lo || c > hi) return false;
                lo = 0x80;
                hi = 0xbf;
                need--;
            }
        }
        return true;
    }

    /** True when no sequence is left open. */
    boolean complete() {
        return need == 0;
    }

    void reset() {
        need = 0;
        lo = 0x80;
        hi = 0xbf;
    }

    /** Whole-buffer check, for close reasons. */
    static boolean isValid(byte[] b, int off, int len) {
        Utf8Validator v = new Utf8Validator();
        return v.feed(b, off, len) && v.complete();
    }
}
