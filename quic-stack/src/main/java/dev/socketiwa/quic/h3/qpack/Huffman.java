package dev.socketiwa.quic.h3.qpack;

/**
 * The HPACK Huffman code (RFC 7541 Appendix B) that QPACK reuses. The code is canonical, so the table of code lengths
 * per symbol is enough: codes are assigned in order of length, then symbol.
 */
public final class Huffman {
    private static final int EOS = 256;
    private static final byte[] LENGTHS = {
        13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
        13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
        15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5, 6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
        20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23, 24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
        22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23, 21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
        26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25, 19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
        20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23, 26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
        30
    };
    private static final int[] CODES = new int[257];
    /** Decoding tree: node n has children TREE[2n] (bit 0) and TREE[2n+1] (bit 1); values < 0 are leaves -(symbol+1). */
    private static final int[] TREE = new int[2 * 512];

    static {
        long code = 0;
        for (int len = 1; len <= 30; len++) {
            for (int s = 0; s <= EOS; s++) {
                if (LENGTHS[s] == len) CODES[s] = (int) code++;
            }
            code <<= 1;
        }
        int nodes = 1;
        for (int s = 0; s <= EOS; s++) {
            int node = 0;
            for (int i = LENGTHS[s] - 1; i >= 0; i--) {
                int bit = (CODES[s] >>> i) & 1;
                if (i == 0) {
                    TREE[2 * node + bit] = -(s + 1);
                } else {
                    if (TREE[2 * node + bit] == 0) TREE[2 * node + bit] = nodes++;
                    node = TREE[2 * node + bit];
                }
            }
        }
    }

    private Huffman() {
    }

    /** Length in bytes of the Huffman encoding of the Latin-1 string s. */
    public static int encodedLength(String s) {
        long bits = 0;
        for (int i = 0; i < s.length(); i++) bits += LENGTHS[s.charAt(i) & 0xff];
        return (int) ((bits + 7) >>> 3);
    }

    /** Encodes s at out[pos]; returns the position after it. The last byte is padded with the EOS prefix (ones). */
    public static int encode(String s, byte[] out, int pos) {
        long acc = 0;
        int bits = 0;
        for (int i = 0; i < s.length(); i++) {
            int sym = s.charAt(i) & 0xff;
            acc = (acc << LENGTHS[sym]) | CODES[sym];
            bits += LENGTHS[sym];
            while (bits >= 8) {
                bits -= 8;
                out[pos++] = (byte) (acc >>> bits);
            }
            acc &= (1L << bits) - 1;
        }
        if (bits > 0) out[pos++] = (byte) ((acc << (8 - bits)) | (0xff >>> bits));
        return pos;
    }

    /** Decodes len bytes at buf[off] into a Latin-1 string, rejecting EOS, long or non-EOS padding (RFC 7541 §5.2). */
    public static String decode(byte[] buf, int off, int len) throws QpackException {
        StringBuilder sb = new StringBuilder(len + len / 2);
        int node = 0;
        int bitsSinceSymbol = 0;
        boolean allOnes = true;
        for (int i = off; i < off + len; i++) {
            int b = buf[i] & 0xff;
            for (int k = 7; k >= 0; k--) {
                int bit = (b >>> k) & 1;
                int next = TREE[2 * node + bit];
                bitsSinceSymbol++;
                allOnes &= bit == 1;
                if (next < 0) {
                    int sym = -next - 1;
                    if (sym == EOS) throw new QpackException(QpackException.DECOMPRESSION_FAILED, "Huffman string contains EOS");
                    sb.append((char) sym);
                    node = 0;
                    bitsSinceSymbol = 0;
                    allOnes = true;
                } else {
                    node = next;
                }
            }
        }
        if (bitsSinceSymbol > 7 || !allOnes) {
            throw new QpackException(QpackException.DECOMPRESSION_FAILED, "invalid Huffman padding");
        }
        return sb.toString();
    }
}
