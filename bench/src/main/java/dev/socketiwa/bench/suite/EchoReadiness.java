package dev.socketiwa.bench.suite;

import dev.socketiwa.bench.udp.LoopbackTarget;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Waits until a UDP echo answers: an app started by a script (socketiwa:run, or Chromium installing and opening the
 * IWA) binds its port some seconds later, and measuring before that would only count losses.
 */
public final class EchoReadiness {
    private EchoReadiness() {
    }

    /** Sends a probe every 200 ms until one comes back; returns the milliseconds it took, or throws after the timeout. */
    public static long await(InetSocketAddress target, long timeoutMillis) throws IOException {
        LoopbackTarget.requireLoopback(target);
        byte[] probe = "socketiwa-bench ready?".getBytes(StandardCharsets.US_ASCII);
        byte[] in = new byte[2048];
        long start = System.nanoTime();
        long deadline = start + timeoutMillis * 1_000_000L;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(target.getAddress(), 0))) {
            socket.connect(target);
            socket.setSoTimeout(200);
            while (System.nanoTime() - deadline < 0) {
                try {
                    socket.send(new DatagramPacket(probe, probe.length));
                    DatagramPacket answer = new DatagramPacket(in, in.length);
                    socket.receive(answer);
                    if (answer.getLength() == probe.length) {
                        return (System.nanoTime() - start) / 1_000_000;
                    }
                } catch (SocketTimeoutException e) {
                    // not answering yet
                } catch (IOException e) { // port unreachable: nothing bound yet
                    sleepQuietly(200);
                }
            }
        }
        throw new IOException("no echo from " + LoopbackTarget.format(target) + " within " + timeoutMillis / 1000
                + " s: is the app running and listening there?");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
