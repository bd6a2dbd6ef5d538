package dev.socketiwa.plugin.core.wasm.badapp;

import dev.socketiwa.runtime.app.SocketIwa;

import java.net.Socket;

/** Uses java.net, which has no wasm implementation: the compile must fail and say where. */
public final class SocketUsingApp {
    public static void main(String[] args) throws Exception {
        SocketIwa.run(udp -> {
            try (Socket s = new Socket("127.0.0.1", 1)) {
                s.getOutputStream().write(1);
            }
        }, args);
    }
}
