package dev.socketiwa.quic.transport;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ring buffers under shuffled, overlapping and duplicated input, checked byte for byte. */
class StreamBuffersTest {
    @Test
    void receiveBufferReassemblesShuffledOverlappingChunks() throws Exception {
        Random r = new Random(1);
        byte[] data = new byte[300_000];
        r.nextBytes(data);
        ReceiveBuffer rb = new ReceiveBuffer(64);
        List<int[]> chunks = new ArrayList<>();
        for (int off = 0; off < data.length; ) {
            int len = Math.min(data.length - off, 1 + r.nextInt(3000));
            chunks.add(new int[]{off, len});
            if (r.nextInt(5) == 0) chunks.add(new int[]{Math.max(0, off - 100), Math.min(len + 100, data.length - Math.max(0, off - 100))});
            off += len;
        }
        Collections.shuffle(chunks, r);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] tmp = new byte[5000];
        for (int i = 0; i < chunks.size(); i++) {
            int[] c = chunks.get(i);
            boolean fin = c[0] + c[1] == data.length;
            rb.insert(c[0], data, c[0], c[1], fin, Long.MAX_VALUE, TransportError.FLOW_CONTROL_ERROR);
            if (r.nextBoolean()) {
                int n = rb.read(tmp, 0, r.nextInt(tmp.length));
                out.write(tmp, 0, n);
            }
        }
        int n;
        while ((n = rb.read(tmp, 0, tmp.length)) > 0) out.write(tmp, 0, n);
        assertArrayEquals(data, out.toByteArray());
        assertTrue(rb.isFinished());
    }

    @Test
    void receiveBufferEnforcesLimitsAndFinalSize() throws Exception {
        ReceiveBuffer rb = new ReceiveBuffer(16);
        byte[] d = new byte[100];
        assertEquals(TransportError.FLOW_CONTROL_ERROR, assertThrows(QuicException.class,
                () -> rb.insert(50, d, 0, 51, false, 100, TransportError.FLOW_CONTROL_ERROR)).errorCode());
        rb.insert(0, d, 0, 10, true, 100, TransportError.FLOW_CONTROL_ERROR);
        assertEquals(TransportError.FINAL_SIZE_ERROR, assertThrows(QuicException.class,
                () -> rb.insert(5, d, 0, 10, false, 100, TransportError.FLOW_CONTROL_ERROR)).errorCode());
        assertEquals(TransportError.FINAL_SIZE_ERROR, assertThrows(QuicException.class, () -> rb.setFinalSize(9)).errorCode());
    }

    @Test
    void sendBufferResendsLostRangesAndFreesAcknowledgedOnes() {
        Random r = new Random(2);
        byte[] data = new byte[200_000];
        r.nextBytes(data);
        SendBuffer sb = new SendBuffer(16, 50_000);
        int written = 0;
        byte[] receiver = new byte[data.length];
        byte[] tmp = new byte[2000];
        List<long[]> inFlight = new ArrayList<>();
        while (!sb.allAcked() || written < data.length) {
            if (written < data.length) {
                written += sb.write(data, written, data.length - written);
                if (written == data.length) sb.finWanted = true;
            }
            long off;
            int len;
            if (!sb.lostEmpty()) {
                off = sb.lostStart();
                len = (int) Math.min(sb.lostEnd() - off, 1 + r.nextInt(2000));
            } else if (sb.newBytes() > 0) {
                off = sb.sentEnd();
                len = (int) Math.min(sb.newBytes(), 1 + r.nextInt(2000));
            } else if (sb.hasRetransmission() || sb.hasNewFin()) {
                off = sb.writeEnd();
                len = 0;
            } else {
                off = -1;
                len = 0;
            }
            if (off >= 0) {
                boolean fin = sb.finWanted && off + len == sb.writeEnd();
                sb.copy(off, tmp, 0, len);
                sb.onSent(off, len, fin);
                inFlight.add(new long[]{off, len, fin ? 1 : 0});
                System.arraycopy(tmp, 0, receiver, (int) off, len);
            }
            // acknowledge or lose a random packet
            if (!inFlight.isEmpty() && (r.nextInt(3) == 0 || off < 0)) {
                long[] p = inFlight.remove(r.nextInt(inFlight.size()));
                if (r.nextInt(10) == 0) sb.onLost(p[0], (int) p[1], p[2] == 1);
                else sb.onAcked(p[0], (int) p[1], p[2] == 1);
            }
        }
        assertArrayEquals(data, receiver);
        assertTrue(sb.finAcked);
    }
}
