package dev.socketiwa.runtime.udp.browser;

import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.UdpException;
import dev.socketiwa.runtime.udp.UdpTransport;
import org.teavm.interop.Address;

/**
 * The browser home of {@link UdpTransport}: a Direct Sockets UDPSocket (bound by the JS shim before the app starts),
 * reached through {@link DirectSocketsShim}. A receive takes a queued datagram through a plain import and suspends (JSPI)
 * only when the queue is empty. Runs only inside the wasm build.
 */
public final class DirectSocketsTransport implements UdpTransport {
    private final int capacity;
    private final int rxHeader;
    private final int rxData;
    private final int txHeader;
    private final int txData;
    private final UdpEndpoint local;
    private final byte[] addr = new byte[16];

    private UdpEndpoint lastSender;
    private UdpEndpoint lastTarget;
    private boolean writerFull;
    private boolean closed;

    /**
     * @param ioBase   start of the shim's memory region ({@link IoRegion} layout)
     * @param capacity the largest datagram the region carries each way
     */
    public DirectSocketsTransport(int ioBase, int capacity) {
        this.capacity = capacity;
        this.rxHeader = IoRegion.rxHeader(ioBase);
        this.rxData = IoRegion.rxData(ioBase);
        this.txHeader = IoRegion.txHeader(ioBase, capacity);
        this.txData = IoRegion.txData(ioBase, capacity);
        // The shim writes the bound address into the receive header before calling serve.
        this.local = readEndpoint(rxHeader, null);
    }

    @Override
    public int receive(byte[] buf, int off, int maxLen, long timeoutMillis) {
        checkRange(buf, off, maxLen);
        checkOpen();
        int max = Math.min(maxLen, capacity);
        int n = DirectSocketsShim.rxTake(rxHeader, rxData, max);
        if (n == -1 && timeoutMillis != 0) {
            int wait = timeoutMillis < 0 ? -1 : (int) Math.min(timeoutMillis, Integer.MAX_VALUE);
            int r = DirectSocketsShim.rxWait(wait);
            if (r == 1) {
                n = DirectSocketsShim.rxTake(rxHeader, rxData, max);
            } else if (r == -2) {
                n = -2;
            }
        }
        if (n == -2) {
            closed = true;
            throw new UdpException("UDP socket " + local + " is closed");
        }
        if (n < 0) {
            return -1;
        }
        copyIn(rxData, buf, off, n);
        lastSender = readEndpoint(rxHeader, lastSender);
        return n;
    }

    @Override
    public UdpEndpoint sender() {
        return lastSender;
    }

    @Override
    public void send(byte[] buf, int off, int len, UdpEndpoint to) {
        checkRange(buf, off, len);
        checkOpen();
        if (len > capacity) {
            throw new UdpException("datagram of " + len + " bytes exceeds the " + capacity + "-byte limit of this socket");
        }
        if (writerFull) {
            awaitWriter();
        }
        if (to != lastTarget) {
            writeEndpoint(txHeader, to);
            lastTarget = to;
        }
        copyOut(buf, off, txData, len);
        int r = DirectSocketsShim.txSend(txHeader, txData, len);
        if (r == 1) {
            writerFull = true;
        } else if (r == -2) {
            closed = true;
            throw new UdpException("UDP socket " + local + " is closed");
        } else if (r == -3) {
            throw new UdpException("the browser refused a " + len + "-byte datagram to " + to);
        }
    }

    @Override
    public UdpEndpoint localEndpoint() {
        return local;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            DirectSocketsShim.close();
        }
    }

    private void awaitWriter() {
        writerFull = false;
        if (DirectSocketsShim.txWait() == -2) {
            closed = true;
            throw new UdpException("UDP socket " + local + " is closed");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new UdpException("UDP socket " + local + " is closed");
        }
    }

    private static void checkRange(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new IndexOutOfBoundsException("range [" + off + ", " + off + "+" + len + ") outside a byte[" + buf.length + "]");
        }
    }

    /** Reuses {@code previous} when the header names the same peer, so steady traffic allocates no endpoints. */
    private UdpEndpoint readEndpoint(int header, UdpEndpoint previous) {
        int port = Address.fromInt(header + IoRegion.PORT).getInt();
        int len = Address.fromInt(header + IoRegion.FAMILY).getInt() == 6 ? 16 : 4;
        Address a = Address.fromInt(header + IoRegion.ADDRESS);
        for (int i = 0; i < len; i++) {
            addr[i] = a.add(i).getByte();
        }
        if (previous != null && previous.matches(addr, 0, len, port)) {
            return previous;
        }
        byte[] exact = new byte[len];
        System.arraycopy(addr, 0, exact, 0, len);
        return UdpEndpoint.of(exact, port);
    }

    private void writeEndpoint(int header, UdpEndpoint to) {
        int len = to.copyAddress(addr, 0);
        Address.fromInt(header + IoRegion.PORT).putInt(to.port());
        Address.fromInt(header + IoRegion.FAMILY).putInt(len == 16 ? 6 : 4);
        Address a = Address.fromInt(header + IoRegion.ADDRESS);
        for (int i = 0; i < len; i++) {
            a.add(i).putByte(addr[i]);
        }
    }

    // GC arrays are not in linear memory, so one copy each way is unavoidable; it stays inside wasm (no JS per byte).
    private static void copyIn(int from, byte[] to, int off, int len) {
        Address a = Address.fromInt(from);
        for (int i = 0; i < len; i++) {
            to[off + i] = a.add(i).getByte();
        }
    }

    private static void copyOut(byte[] from, int off, int to, int len) {
        Address a = Address.fromInt(to);
        for (int i = 0; i < len; i++) {
            a.add(i).putByte(from[off + i]);
        }
    }
}
