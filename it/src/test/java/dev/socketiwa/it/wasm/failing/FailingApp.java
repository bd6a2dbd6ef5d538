package dev.socketiwa.it.wasm.failing;

import dev.socketiwa.runtime.app.SocketIwa;
import dev.socketiwa.runtime.app.UdpApp;
import dev.socketiwa.runtime.udp.UdpTransport;

import java.nio.charset.StandardCharsets;

/**
 * Exercises the error paths in wasm: a bad array index is a catchable Java exception (strict mode), a receive
 * timeout returns -1 after suspending, and an exception escaping the app ends it with the page in the failed state.
 */
public final class FailingApp implements UdpApp {
    public static void main(String[] args) {
        SocketIwa.run(new FailingApp(), args);
    }

    @Override
    public void serve(UdpTransport udp) {
        byte[] buf = new byte[8];
        int n = udp.receive(buf, 0, buf.length, UdpTransport.WAIT_FOREVER);
        String first;
        try {
            buf[n + 100] = 1;
            first = "not caught";
        } catch (ArrayIndexOutOfBoundsException e) {
            first = "caught";
        }
        reply(udp, first);
        long start = System.currentTimeMillis();
        int timedOut = udp.receive(buf, 0, buf.length, 300);
        reply(udp, "timeout " + timedOut + " after " + (System.currentTimeMillis() - start >= 250 ? "waiting" : "no wait"));
        throw new IllegalStateException("app gave up on purpose");
    }

    private static void reply(UdpTransport udp, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        udp.send(bytes, 0, bytes.length, udp.sender());
    }
}
